; Front Desk — Windows installer (NSIS 3, Unicode, Modern UI 2).
;
;   makensis /DVERSION=0.1.0 /DBUNDLE=..\..\dist\frontdesk packaging\windows\frontdesk.nsi
;
; (packaging/build_windows.ps1 runs it after PyInstaller.) Defines:
;   VERSION   the app's version (required; app/__init__.py)
;   VERSION4  numeric a.b.c.d for the file's version resource (default: VERSION.0)
;   BUNDLE    the PyInstaller folder holding frontdesk.exe, frontdesk-cli.exe, _internal\
;   OUTDIR    where FrontDesk-VERSION-setup.exe goes (default: ..\..\dist)
;
; What IT can pass (docs/IT.md):
;   FrontDesk-0.1.0-setup.exe /S                              silent, per machine
;   FrontDesk-0.1.0-setup.exe /S /SITE=\\server\it\site.toml  and IT's site configuration
;   FrontDesk-0.1.0-setup.exe /S /NODESKTOP                   no desktop shortcut
;   FrontDesk-0.1.0-setup.exe /S /D=D:\Apps\FrontDesk         another folder (/D last, no quotes)
; Exit codes: 0 installed; 2 the options are wrong (/SITE file missing); 3 Front
; Desk is running and was not closed; 4 not 64-bit Windows 10 or later.
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
  !error "makensis /DVERSION=x.y.z (app/__init__.py's __version__)"
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
VIAddVersionKey /LANG=0 "LegalCopyright" "GPL-3.0-or-later"

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
!define MUI_FINISHPAGE_RUN "$INSTDIR\frontdesk.exe"
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
LangString SiteMissing ${LANG_VIETNAMESE} "Không tìm thấy tệp cấu hình /SITE: $R9"
LangString SiteMissing ${LANG_ENGLISH} "The /SITE configuration file was not found: $R9"
LangString SiteCopyFailed ${LANG_VIETNAMESE} "Không chép được tệp cấu hình vào $R8"
LangString SiteCopyFailed ${LANG_ENGLISH} "Could not copy the configuration file to $R8"
LangString NeedsWin10x64 ${LANG_VIETNAMESE} "Front Desk cần Windows 10 hoặc 11, bản 64-bit."
LangString NeedsWin10x64 ${LANG_ENGLISH} "Front Desk needs 64-bit Windows 10 or 11."
LangString KeepsData ${LANG_VIETNAMESE} "Chương trình Front Desk sẽ được gỡ khỏi máy. Dữ liệu KHÔNG bị xóa: cơ sở dữ liệu của xã, các bản sao lưu, cài đặt và nhật ký của từng người dùng (thư mục %LOCALAPPDATA%\MTTQ\FrontDesk) và tệp cấu hình của đơn vị (%PROGRAMDATA%\MTTQ\FrontDesk\site.toml) được giữ nguyên; cài lại là dùng tiếp được. Muốn xóa hẳn dữ liệu, xem hướng dẫn docs/IT.md."
LangString KeepsData ${LANG_ENGLISH} "Front Desk's program files will be removed. Your data is NOT deleted: the commune's database, its backups, each user's settings and logs (%LOCALAPPDATA%\MTTQ\FrontDesk) and IT's site configuration (%PROGRAMDATA%\MTTQ\FrontDesk\site.toml) are kept; installing again carries on with them. To remove the data as well, see docs/IT.md."

Var SiteFile

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

  ; IT's site configuration, where app/site_config.py looks on Windows
  ${If} $SiteFile != ""
    StrCpy $R8 "$APPDATA\MTTQ\FrontDesk"  ; $APPDATA is C:\ProgramData with SetShellVarContext all
    CreateDirectory "$R8"
    ClearErrors
    CopyFiles /SILENT "$SiteFile" "$R8\site.toml"
    ${If} ${Errors}
      MessageBox MB_OK|MB_ICONSTOP "$(SiteCopyFailed)" /SD IDOK
      SetErrorLevel 2
    ${EndIf}
  ${EndIf}

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
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
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
    StrCpy $SiteFile $R9
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
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only if empty: nothing of anyone else's is removed
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "${APP_KEY}"
SectionEnd
