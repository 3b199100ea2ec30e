; Front Desk — Windows installer (NSIS 3, Unicode, Modern UI 2).
;
;   makensis /INPUTCHARSET UTF8 /DVERSION=0.1.0 /DBUNDLE=..\..\dist\frontdesk packaging\windows\frontdesk.nsi
;
; This file is UTF-8 with a byte-order mark, and every makensis command line in
; the project also says /INPUTCHARSET UTF8: without either, makensis on Windows
; reads it in the PC's legacy code page and the Vietnamese texts come out
; garbled (`Unicode true` only sets the installer's own encoding).
; tests/test_packaging.py keeps both true and proves the texts arrive intact.
;
; (packaging/build_windows.ps1 runs it after PyInstaller.) Defines:
;   VERSION   the app's version (required; app/__init__.py)
;   VERSION4  numeric a.b.c.d for the file's version resource (default: VERSION.0)
;   BUNDLE    the PyInstaller folder holding frontdesk.exe, frontdesk-cli.exe, _internal\
;   OUTDIR    where FrontDesk-VERSION-setup.exe goes (default: ..\..\dist)
;   SIGN_SCRIPT   packaging\windows\sign.ps1 (build_windows.ps1 passes it when a
;             certificate is configured), or SIGN_COMMAND: any command that signs the
;             file named after it. The uninstaller is signed before it is packed
;             (!uninstfinalize), the installer when it is written (!finalize).
;             Without either both are left unsigned.
;
; What IT can pass (docs/IT.md):
;   FrontDesk-0.1.0-setup.exe /S                              silent, per machine
;   FrontDesk-0.1.0-setup.exe /S /SITE=\\server\it\site.toml  and IT's site configuration
;   FrontDesk-0.1.0-setup.exe /S /NODESKTOP                   no desktop shortcut
;   FrontDesk-0.1.0-setup.exe /S /D=D:\Apps\FrontDesk         another folder (/D last, no quotes)
; Exit codes (docs/IT.md): 0 installed; 2 the /SITE file is missing, cannot be
; read, is empty or over 64 KiB, or could not be copied to ProgramData (nothing
; of the program installed or changed); 3 Front Desk is running and was not
; closed (nothing changed); 4 not 64-bit Windows 10 1809 (build 17763) or later;
; 5 the folders' permissions could not be set (nothing of the program installed
; or changed).
;
; Folder permissions: the program folder (also a folder given with /D, which
; would otherwise inherit "Users may write" from D:\ or wherever it is) and
; ProgramData\MTTQ\FrontDesk (IT's site.toml; ProgramData lets every user
; write to folders they make) are set with icacls: Administrators and SYSTEM
; full control, Users read and execute, owner Administrators, nothing
; inherited. By SID, so a Vietnamese Windows' own group names do not matter.
;
; The finish page has no "Run Front Desk": the installer runs as an
; administrator, and what it starts would too, keeping its data in that
; administrator's profile instead of the user's (DESIGN.md: nothing runs
; elevated that writes user data). People start it from the shortcuts.
;
; Per machine (Program Files, HKLM, shortcuts for all users): the office PC
; has several staff accounts. Upgrading installs over the same folder (read
; back from the registry); the old program files are removed first, never the
; data: each user's database, backups, settings and logs are in their own
; %LOCALAPPDATA%\MTTQ\FrontDesk, and IT's site.toml in
; %PROGRAMDATA%\MTTQ\FrontDesk (platformdirs' site_config_dir, which
; app/site_config.py reads). The uninstaller keeps both and says so.

!ifdef TARGET_AMD64
  ; a 64-bit installer: only for trying this script under a 64-bit-only Wine
  ; (packaging/windows/test_under_wine.sh); NSIS for Windows ships x86 stubs,
  ; which install the 64-bit app just as well.
  Target amd64-unicode
!endif
Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel admin

!ifndef VERSION
  !error "makensis /INPUTCHARSET UTF8 /DVERSION=x.y.z (app/__init__.py's __version__)"
!endif
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"
!endif
!ifndef BUNDLE
  !define BUNDLE "..\..\dist\frontdesk"
!endif
!ifndef OUTDIR
  !define OUTDIR "..\..\dist"
!endif

; The bundle must be whole before it is packed: the executables and every
; compiled translation (the same list as packaging/frontdesk.spec and
; app/resources.py; tests/test_packaging.py keeps them equal).
!macro REQUIRE_FILE path
  !if ! /FileExists "${BUNDLE}\${path}"
    !error "The bundle ${BUNDLE} lacks ${path}: build it with packaging/frontdesk.spec first"
  !endif
!macroend
!insertmacro REQUIRE_FILE "frontdesk.exe"
!insertmacro REQUIRE_FILE "frontdesk-cli.exe"
!insertmacro REQUIRE_FILE "_internal\resources\translations\frontdesk_vi.qm"
!insertmacro REQUIRE_FILE "_internal\resources\translations\frontdesk_en.qm"
!insertmacro REQUIRE_FILE "_internal\resources\translations\qtbase_vi.qm"
!insertmacro REQUIRE_FILE "_internal\resources\icons\frontdesk.ico"
!insertmacro REQUIRE_FILE "_internal\LICENSE.txt"
!insertmacro REQUIRE_FILE "_internal\THIRD-PARTY-NOTICES.txt"

!ifdef SIGN_SCRIPT
  !ifndef SIGN_COMMAND
    !define SIGN_COMMAND 'powershell -NoProfile -ExecutionPolicy Bypass -File "${SIGN_SCRIPT}"'
  !endif
!endif
!ifdef SIGN_COMMAND
  ; signs the uninstaller before it is packed, then the finished installer
  !uninstfinalize '${SIGN_COMMAND} "%1"' = 0
  !finalize '${SIGN_COMMAND} "%1"' = 0
!endif

!define APP_NAME "Front Desk"
!define APP_KEY "Software\MTTQ\FrontDesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\FrontDesk"
!define SHORTCUT "Front Desk.lnk"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTDIR}\FrontDesk-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\FrontDesk"
InstallDirRegKey HKLM "${APP_KEY}" "InstallDir"
BrandingText "Front Desk ${VERSION}"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "Front Desk"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "Front Desk ${VERSION} — Sổ tay công tác Mặt trận xã (installer)"
VIAddVersionKey /LANG=0 "CompanyName" "MTTQ"
VIAddVersionKey /LANG=0 "LegalCopyright" "© Front Desk contributors. Free software: GNU GPL v3 or later (GPL-3.0-or-later)"
VIAddVersionKey /LANG=0 "OriginalFilename" "FrontDesk-${VERSION}-setup.exe"
VIAddVersionKey /LANG=0 "InternalName" "FrontDesk-setup"
VIAddVersionKey /LANG=0 "Comments" "License: GPL-3.0-or-later. Bundled components and their licences: THIRD-PARTY-NOTICES.txt"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"
!include "WinVer.nsh"
!include "Sections.nsh"

!define MUI_ICON "${BUNDLE}\_internal\resources\icons\frontdesk.ico"
!define MUI_UNICON "${BUNDLE}\_internal\resources\icons\frontdesk.ico"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${APP_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
; no MUI_FINISHPAGE_RUN: see the top of this file
!define MUI_FINISHPAGE_TEXT "$(FinishText)"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(KeepsData)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Vietnamese first: the default when Windows' own language is neither.
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SecProgram ${LANG_VIETNAMESE} "Front Desk (bắt buộc)"
LangString SecProgram ${LANG_ENGLISH} "Front Desk (required)"
LangString SecDesktop ${LANG_VIETNAMESE} "Biểu tượng trên màn hình nền"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString ShortcutComment ${LANG_VIETNAMESE} "Sổ tay công tác Mặt trận xã"
LangString ShortcutComment ${LANG_ENGLISH} "Commune Fatherland Front work book"
LangString Running ${LANG_VIETNAMESE} "Front Desk đang mở. Hãy lưu công việc và đóng mọi cửa sổ Front Desk (của mọi người dùng trên máy này), rồi bấm Thử lại."
LangString Running ${LANG_ENGLISH} "Front Desk is running. Save your work and close every Front Desk window (of every user on this PC), then press Retry."
LangString SiteMissing ${LANG_VIETNAMESE} "Không tìm thấy tệp cấu hình /SITE: $R9. Chưa cài gì."
LangString SiteMissing ${LANG_ENGLISH} "The /SITE configuration file was not found: $R9. Nothing was installed."
LangString SiteUnreadable ${LANG_VIETNAMESE} "Không đọc được tệp cấu hình /SITE: $R9 (quyền truy cập thư mục chia sẻ?). Chưa cài gì."
LangString SiteUnreadable ${LANG_ENGLISH} "The /SITE configuration file cannot be read: $R9 (the share's permissions?). Nothing was installed."
LangString SiteBadSize ${LANG_VIETNAMESE} "Tệp cấu hình /SITE rỗng hoặc lớn hơn 64 KB: $R9. Chưa cài gì."
LangString SiteBadSize ${LANG_ENGLISH} "The /SITE configuration file is empty or larger than 64 KB: $R9. Nothing was installed."
LangString SiteCopyFailed ${LANG_VIETNAMESE} "Không chép được tệp cấu hình vào $R8. Chưa cài gì."
LangString SiteCopyFailed ${LANG_ENGLISH} "Could not copy the configuration file to $R8. Nothing was installed."
LangString AclFailed ${LANG_VIETNAMESE} "Không đặt được quyền truy cập cho thư mục $R7 (icacls: $R6). Chưa cài gì."
LangString AclFailed ${LANG_ENGLISH} "Could not set the permissions of the folder $R7 (icacls: $R6). Nothing was installed."
LangString NeedsWin10x64 ${LANG_VIETNAMESE} "Front Desk cần Windows 11, hoặc Windows 10 phiên bản 1809 (bản dựng 17763) trở lên, bản 64-bit. Hãy cập nhật Windows rồi cài lại."
LangString NeedsWin10x64 ${LANG_ENGLISH} "Front Desk needs 64-bit Windows 11, or Windows 10 version 1809 (build 17763) or later. Update Windows, then install again."
LangString FinishText ${LANG_VIETNAMESE} "Đã cài xong Front Desk. Mỗi người dùng mở ứng dụng bằng lối tắt “Front Desk” trong menu Start hoặc trên màn hình nền, bằng tài khoản Windows của mình."
LangString FinishText ${LANG_ENGLISH} "Front Desk is installed. Each user starts it with the “Front Desk” shortcut in the Start menu or on the desktop, signed in to Windows as themselves."
LangString KeepsData ${LANG_VIETNAMESE} "Chương trình Front Desk sẽ được gỡ khỏi máy. Dữ liệu KHÔNG bị xóa: cơ sở dữ liệu của xã, các bản sao lưu, cài đặt và nhật ký của từng người dùng (thư mục %LOCALAPPDATA%\MTTQ\FrontDesk) và tệp cấu hình của đơn vị (%PROGRAMDATA%\MTTQ\FrontDesk\site.toml) được giữ nguyên; cài lại là dùng tiếp được. Muốn xóa hẳn dữ liệu, xem hướng dẫn docs/IT.md."
LangString KeepsData ${LANG_ENGLISH} "Front Desk's program files will be removed. Your data is NOT deleted: the commune's database, its backups, each user's settings and logs (%LOCALAPPDATA%\MTTQ\FrontDesk) and IT's site configuration (%PROGRAMDATA%\MTTQ\FrontDesk\site.toml) are kept; installing again carries on with them. To remove the data as well, see docs/IT.md."

Var SiteFile

; Administrators and SYSTEM full control, Users read and execute, owner
; Administrators, nothing inherited from the folder above; what is inside
; inherits exactly that. On failure: exit 5, before anything of the program
; is installed or changed.
!macro LOCK_DOWN folder
  StrCpy $R7 "${folder}"
  CreateDirectory "$R7"
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$R7" /setowner *S-1-5-32-544 /T /C /Q'
  Pop $R6
  ; explicit entries anyone added (inside too) go; what is inside inherits
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$R7" /reset /T /C /Q'
  Pop $R6
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$R7" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX /Q'
  Pop $R6
  ${If} $R6 != 0
    MessageBox MB_OK|MB_ICONSTOP "$(AclFailed)" /SD IDOK
    RMDir "$INSTDIR"  ; only if empty: a folder this run made and nothing else
    SetErrorLevel 5
    Quit
  ${EndIf}
!macroend

; Front Desk is running when Windows will not let us open its executable for
; writing (a running .exe is locked). No plugin needed; works in /S too.
!macro WAIT_UNTIL_CLOSED un
  Function ${un}WaitUntilClosed
    ${Do}
      ${IfNot} ${FileExists} "$INSTDIR\frontdesk.exe"
        Return
      ${EndIf}
      ClearErrors
      FileOpen $0 "$INSTDIR\frontdesk.exe" a
      ${IfNot} ${Errors}
        FileClose $0
        ClearErrors
        FileOpen $0 "$INSTDIR\frontdesk-cli.exe" a
        ${IfNot} ${Errors}
          FileClose $0
          Return
        ${EndIf}
      ${EndIf}
      ; silent: nobody to ask, so stop with exit code 3 and touch nothing
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(Running)" /SD IDCANCEL IDRETRY again
      SetErrorLevel 3
      Quit
      again:
    ${Loop}
  FunctionEnd
!macroend
!insertmacro WAIT_UNTIL_CLOSED ""
!insertmacro WAIT_UNTIL_CLOSED "un."

Section "$(SecProgram)" SecProgram
  SectionIn RO
  Call WaitUntilClosed
  ; Before anything of the program is touched: the permissions (exit 5) and
  ; IT's site.toml (exit 2), so either failure leaves the PC as it was.
  ; ProgramData\MTTQ ($APPDATA with SetShellVarContext all): only its owner
  ; and its own entries are reset (to Administrators and what ProgramData
  ; gives: Users read), so a user who made it before Front Desk was installed
  ; cannot rename FrontDesk\ inside it; other folders in it are left alone.
  StrCpy $R7 "$APPDATA\MTTQ"
  CreateDirectory "$R7"
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$R7" /setowner *S-1-5-32-544 /C /Q'
  Pop $R6
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$R7" /reset /C /Q'
  Pop $R6
  ${If} $R6 != 0
    MessageBox MB_OK|MB_ICONSTOP "$(AclFailed)" /SD IDOK
    SetErrorLevel 5
    Quit
  ${EndIf}
  !insertmacro LOCK_DOWN "$APPDATA\MTTQ\FrontDesk"
  !insertmacro LOCK_DOWN "$INSTDIR"
  ; IT's site configuration, where app/sending/site_config.py looks on Windows
  ; ($SiteFile is the copy .onInit read into the installer's temporary folder)
  ${If} $SiteFile != ""
    StrCpy $R8 "$APPDATA\MTTQ\FrontDesk"
    ClearErrors
    CopyFiles /SILENT "$SiteFile" "$R8\site.toml"
    ${If} ${Errors}
      MessageBox MB_OK|MB_ICONSTOP "$(SiteCopyFailed)" /SD IDOK
      RMDir "$INSTDIR"
      SetErrorLevel 2
      Quit
    ${EndIf}
  ${EndIf}

  ; An upgrade: the previous version's program files go first, so no stale
  ; module of it is left beside the new ones. Only inside our own folder.
  ${If} ${FileExists} "$INSTDIR\frontdesk.exe"
    RMDir /r "$INSTDIR\_internal"
    Delete "$INSTDIR\frontdesk.exe"
    Delete "$INSTDIR\frontdesk-cli.exe"
  ${EndIf}
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  File "/oname=site.toml.example" "..\site.toml.example"
  ; the licences, where people look for them (also in _internal\)
  File "/oname=LICENSE.txt" "${BUNDLE}\_internal\LICENSE.txt"
  File "/oname=THIRD-PARTY-NOTICES.txt" "${BUNDLE}\_internal\THIRD-PARTY-NOTICES.txt"

  CreateShortcut "$SMPROGRAMS\${SHORTCUT}" "$INSTDIR\frontdesk.exe" "" "$INSTDIR\frontdesk.exe" 0 SW_SHOWNORMAL "" "$(ShortcutComment)"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${APP_KEY}" "Version" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "Front Desk — Sổ tay công tác Mặt trận xã"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "MTTQ"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\frontdesk.exe,0"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SecDesktop)" SecDesktop
  CreateShortcut "$DESKTOP\${SHORTCUT}" "$INSTDIR\frontdesk.exe" "" "$INSTDIR\frontdesk.exe" 0 SW_SHOWNORMAL "" "$(ShortcutComment)"
SectionEnd

Function .onInit
  SetShellVarContext all
  ; Qt 6 (PySide6) supports Windows 10 from 1809 (build 17763) on
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} 17763
    MessageBox MB_OK|MB_ICONSTOP "$(NeedsWin10x64)" /SD IDOK
    SetErrorLevel 4
    Quit
  ${EndIf}
  SetRegView 64
  ; the folder of the installed version, so an upgrade goes over it
  ReadRegStr $0 HKLM "${APP_KEY}" "InstallDir"
  ${If} $0 != ""
    StrCpy $INSTDIR $0
  ${EndIf}
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/SITE=" $R9
  ${IfNot} ${Errors}
    GetFullPathName $R9 $R9
    ${IfNot} ${FileExists} $R9
      MessageBox MB_OK|MB_ICONSTOP "$(SiteMissing)" /SD IDOK
      SetErrorLevel 2
      Quit
    ${EndIf}
    ; read it now, before anything changes: a share that the account running
    ; the installer (SYSTEM in a GPO start-up script: the PC's own account)
    ; may not read stops here, as does an empty or oversized file. Its TOML
    ; is not parsed here: docs/IT.md says how to check it first.
    InitPluginsDir
    StrCpy $R1 "$PLUGINSDIR\site.toml"
    ClearErrors
    CopyFiles /SILENT "$R9" "$R1"
    FileOpen $R2 "$R1" r
    ${If} ${Errors}
      MessageBox MB_OK|MB_ICONSTOP "$(SiteUnreadable)" /SD IDOK
      SetErrorLevel 2
      Quit
    ${EndIf}
    FileSeek $R2 0 END $R3
    FileClose $R2
    ${If} $R3 < 1
    ${OrIf} $R3 > 65536
      MessageBox MB_OK|MB_ICONSTOP "$(SiteBadSize)" /SD IDOK
      SetErrorLevel 2
      Quit
    ${EndIf}
    StrCpy $SiteFile $R1
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/NODESKTOP" $R1
  ${IfNot} ${Errors}
    !insertmacro UnselectSection ${SecDesktop}
  ${EndIf}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetShellVarContext all
  SetRegView 64
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

; Removes the program only. Each user's data (%LOCALAPPDATA%\MTTQ\FrontDesk)
; and IT's site.toml (%PROGRAMDATA%\MTTQ\FrontDesk) stay: see KeepsData.
Section "Uninstall"
  Call un.WaitUntilClosed
  Delete "$SMPROGRAMS\${SHORTCUT}"
  Delete "$DESKTOP\${SHORTCUT}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\frontdesk.exe"
  Delete "$INSTDIR\frontdesk-cli.exe"
  Delete "$INSTDIR\site.toml.example"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\THIRD-PARTY-NOTICES.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only if empty: nothing of anyone else's is removed
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "${APP_KEY}"
SectionEnd
