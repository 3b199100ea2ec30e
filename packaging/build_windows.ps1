# Windows build: the PyInstaller bundle (dist\frontdesk\) and the installer
# (dist\FrontDesk-<version>-setup.exe).
#
#   powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1 [-Python C:\path\python.exe] [-NoInstaller]
#
# Needs: 64-bit Python 3.11 with the project and its `build` extra installed
# (python -m pip install -e ".[build]"), and NSIS 3 (choco install nsis, or
# makensis on PATH). The bundle is checked before it is packed: its own
# frontdesk-cli.exe runs --version and check on a fresh database.
#
# Signing: with FRONTDESK_SIGN_CERT (a .pfx) or FRONTDESK_SIGN_THUMBPRINT (a
# certificate in the Windows store) set, frontdesk.exe, frontdesk-cli.exe, the
# uninstaller and the installer are signed (packaging\windows\sign.ps1 says
# which other variables it reads); a signing failure stops the build. Without
# a certificate the build goes on and says, at the start and at the end, that
# nothing is signed.
param(
    [string]$Python = "",
    [switch]$NoInstaller
)
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root
if (-not $Python) { $Python = Join-Path $Root ".venv\Scripts\python.exe" }

function Invoke-Checked([string]$What, [scriptblock]$Block) {
    & $Block
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit $LASTEXITCODE)" }
}

$version = (Select-String -Path "app\__init__.py" -Pattern '^__version__ = "(.+)"').Matches[0].Groups[1].Value
# the version resource wants four numbers: 0.1.0 -> 0.1.0.0, 0.2.0rc1 -> 0.2.0.0
$numbers = @([regex]::Matches($version, '\d+') | ForEach-Object { $_.Value }) + @('0', '0', '0', '0')
$version4 = ($numbers[0..3]) -join '.'
Write-Host "Front Desk $version ($version4)"
$signScript = Join-Path $Root "packaging\windows\sign.ps1"
$signing = [bool]($env:FRONTDESK_SIGN_CERT -or $env:FRONTDESK_SIGN_THUMBPRINT)
$unsigned = "UNSIGNED: no certificate (FRONTDESK_SIGN_CERT or FRONTDESK_SIGN_THUMBPRINT); frontdesk.exe, frontdesk-cli.exe, the installer and the uninstaller are not signed"
if (-not $signing) { Write-Warning $unsigned }

$started = Get-Date
$env:PYTHONPATH = $Root
Invoke-Checked "PyInstaller" {
    & $Python -m PyInstaller --noconfirm --clean --log-level WARN `
        --distpath "$Root\dist" --workpath "$Root\build\pyinstaller" "$Root\packaging\frontdesk.spec"
}
$bundle = Join-Path $Root "dist\frontdesk"
$size = [math]::Round(((Get-ChildItem $bundle -Recurse -File | Measure-Object Length -Sum).Sum / 1MB), 1)
Write-Host ("bundle: $bundle ($size MB, {0:n0} s)" -f ((Get-Date) - $started).TotalSeconds)
foreach ($name in @("frontdesk.exe", "frontdesk-cli.exe")) {
    if (-not (Test-Path "$bundle\_internal\THIRD-PARTY-NOTICES.txt")) { throw "the bundle has no THIRD-PARTY-NOTICES.txt" }
    $info = (Get-Item "$bundle\$name").VersionInfo
    if ($info.OriginalFilename -ne $name) { throw "$name's OriginalFilename is '$($info.OriginalFilename)'" }
    if ($signing) { Invoke-Checked "signing $name" { & powershell -NoProfile -ExecutionPolicy Bypass -File $signScript "$bundle\$name" } }
}

# The bundle proves itself whole before it is packed (a scratch FRONTDESK_HOME).
$home_ = Join-Path $env:TEMP ("frontdesk-build-check-" + [guid]::NewGuid())
$env:FRONTDESK_HOME = $home_
$env:QT_QPA_PLATFORM = "offscreen"
try {
    Invoke-Checked "frontdesk-cli --version" { & "$bundle\frontdesk-cli.exe" --version }
    Invoke-Checked "frontdesk-cli init" { & "$bundle\frontdesk-cli.exe" init --commune 00004 }
    Invoke-Checked "frontdesk-cli check" { & "$bundle\frontdesk-cli.exe" check --lang en }
    Invoke-Checked "frontdesk-cli screenshot" {
        & "$bundle\frontdesk-cli.exe" screenshot --page overview --out "$Root\dist\overview-windows.png"
    }
} finally {
    Remove-Item Env:FRONTDESK_HOME, Env:QT_QPA_PLATFORM -ErrorAction SilentlyContinue
    Remove-Item $home_ -Recurse -Force -ErrorAction SilentlyContinue
}

if ($NoInstaller) { exit 0 }
$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis) { $makensis = Join-Path ${env:ProgramFiles(x86)} "NSIS\makensis.exe" }
if (-not (Test-Path $makensis)) { throw "makensis not found: choco install nsis" }
$packed = Get-Date
# /INPUTCHARSET UTF8: the script's Vietnamese, whatever the build PC's code page
# (the file also starts with a byte-order mark)
$nsisArgs = @("/INPUTCHARSET", "UTF8", "/V2", "/DVERSION=$version", "/DVERSION4=$version4", "/DBUNDLE=$bundle", "/DOUTDIR=$Root\dist")
if ($signing) { $nsisArgs += "/DSIGN_SCRIPT=$signScript" }
Invoke-Checked "makensis" {
    & $makensis @nsisArgs "$Root\packaging\windows\frontdesk.nsi"
}
$setup = Join-Path $Root "dist\FrontDesk-$version-setup.exe"
Write-Host ("installer: $setup ({0:n1} MB, {1:n0} s)" -f ((Get-Item $setup).Length / 1MB), ((Get-Date) - $packed).TotalSeconds)
if ($signing) {
    $signature = Get-AuthenticodeSignature $setup
    Write-Host "installer signature: $($signature.Status) ($($signature.SignerCertificate.Subject))"
} else {
    Write-Warning $unsigned
}
