# Signs one file with signtool (Authenticode, SHA-256), from the environment:
#
#   powershell -NoProfile -ExecutionPolicy Bypass -File packaging\windows\sign.ps1 FILE
#
#   FRONTDESK_SIGN_CERT           a .pfx file holding the code-signing certificate and its key, or
#   FRONTDESK_SIGN_THUMBPRINT     the SHA-1 thumbprint of one in the Windows certificate store
#                                 (a hardware token's certificate is used this way)
#   FRONTDESK_SIGN_PASSWORD       the .pfx's password, if it has one
#   FRONTDESK_SIGN_TIMESTAMP_URL  an RFC 3161 time-stamping server (the CA's): with it the
#                                 signature stays valid after the certificate expires
#   FRONTDESK_SIGNTOOL            signtool.exe, when it is neither on PATH nor in a Windows SDK
#
# packaging/build_windows.ps1 runs it on frontdesk.exe and frontdesk-cli.exe, and
# makensis on the uninstaller and the installer (!uninstfinalize, !finalize in
# packaging/windows/frontdesk.nsi). Exits non-zero when signing fails, which
# stops the build: a build asked to sign is never silently unsigned.
param([Parameter(Mandatory = $true)][string]$File)
$ErrorActionPreference = "Stop"

$signtool = $env:FRONTDESK_SIGNTOOL
if (-not $signtool) { $signtool = (Get-Command signtool.exe -ErrorAction SilentlyContinue).Source }
if (-not $signtool) {
    $signtool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" -ErrorAction SilentlyContinue |
        Sort-Object FullName -Descending | Select-Object -First 1 -ExpandProperty FullName
}
if (-not $signtool) { Write-Error "signtool.exe not found (Windows SDK, or set FRONTDESK_SIGNTOOL)"; exit 1 }

$arguments = @("sign", "/fd", "SHA256", "/d", "Front Desk")
if ($env:FRONTDESK_SIGN_CERT) {
    $arguments += @("/f", $env:FRONTDESK_SIGN_CERT)
    if ($env:FRONTDESK_SIGN_PASSWORD) { $arguments += @("/p", $env:FRONTDESK_SIGN_PASSWORD) }
} elseif ($env:FRONTDESK_SIGN_THUMBPRINT) {
    $arguments += @("/sha1", $env:FRONTDESK_SIGN_THUMBPRINT)
} else {
    Write-Error "no certificate: set FRONTDESK_SIGN_CERT or FRONTDESK_SIGN_THUMBPRINT"; exit 1
}
if ($env:FRONTDESK_SIGN_TIMESTAMP_URL) {
    $arguments += @("/tr", $env:FRONTDESK_SIGN_TIMESTAMP_URL, "/td", "SHA256")
} else {
    Write-Warning "no FRONTDESK_SIGN_TIMESTAMP_URL: $File is signed without a time stamp (the signature ends with the certificate)"
}
& $signtool @arguments $File
if ($LASTEXITCODE -ne 0) { Write-Error "signtool failed on $File (exit $LASTEXITCODE)"; exit $LASTEXITCODE }
Write-Host "signed: $File"
exit 0
