; Switchboard installer for Windows x64 (NSIS 3, Modern UI 2).
;
;   makensis /DVERSION=0.1.0 /DSOURCE_DIR=dist\switchboard /DOUTFILE=dist\Switchboard-0.1.0-setup.exe
;            packaging\windows\switchboard.nsi
;
; makensis works from this file's folder: give SOURCE_DIR and OUTFILE as absolute paths.
; SOURCE_DIR is the PyInstaller one-folder bundle (switchboard.exe, switchboard-selfcheck.exe,
; _internal\). Per-user install: no administrator rights, program files under
; %LOCALAPPDATA%\Programs\Switchboard, registry under HKCU. Silent: setup.exe /S [/D=C:\Path]
; (/D last, unquoted). The user's data (%LOCALAPPDATA%\Switchboard: database, config,
; logs) is never touched by the installer nor the uninstaller.

Unicode true
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef VI_VERSION
  !define VI_VERSION "${VERSION}.0"
!endif
!ifndef SOURCE_DIR
  !error "pass /DSOURCE_DIR=<the PyInstaller folder>"
!endif
!ifndef OUTFILE
  !define OUTFILE "Switchboard-${VERSION}-setup.exe"
!endif
!define APP "Switchboard"
!define EXE "switchboard.exe"
!define PUBLISHER "Switchboard"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define PROGID "Switchboard.URL"
!define CAPABILITIES "Software\${APP}\Capabilities"

!include "MUI2.nsh"
!include "x64.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VI_VERSION}"
VIAddVersionKey /LANG=1033 "ProductName" "${APP}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP} installer"
VIAddVersionKey /LANG=1033 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "..\..\resources\icons\switchboard.ico"
!define MUI_UNICON "..\..\resources\icons\switchboard.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Russian"
!insertmacro MUI_LANGUAGE "Ukrainian"

; --- URL handlers: tel:, sip:, callto: open "switchboard.exe <link>" -----------------
; Registered the two ways Windows looks: a class key per scheme (HKCU\Software\Classes\tel)
; and, for Settings > Default apps, a ProgID + Capabilities + RegisteredApplications.
!macro RegisterScheme SCHEME DESCRIPTION
  WriteRegStr HKCU "Software\Classes\${SCHEME}" "" "URL:${DESCRIPTION}"
  WriteRegStr HKCU "Software\Classes\${SCHEME}" "URL Protocol" ""
  WriteRegStr HKCU "Software\Classes\${SCHEME}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "Software\Classes\${SCHEME}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr HKCU "${CAPABILITIES}\URLAssociations" "${SCHEME}" "${PROGID}"
!macroend

; Removes a scheme's class key only while it still opens our program (another app may
; have taken the scheme over since).
!macro UnregisterScheme SCHEME
  ReadRegStr $0 HKCU "Software\Classes\${SCHEME}\shell\open\command" ""
  ${If} $0 == '"$INSTDIR\${EXE}" "%1"'
    DeleteRegKey HKCU "Software\Classes\${SCHEME}"
  ${EndIf}
!macroend

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APP} needs 64-bit Windows." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext current
  ; /D=... (silent installs) is set before .onInit; the directory page is not shown then.
  ${If} $INSTDIR == "$LOCALAPPDATA\${APP}"
    MessageBox MB_ICONSTOP "$INSTDIR holds your ${APP} data; choose another program folder." /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
FunctionEnd

; The program folder must not be the user's data folder (the uninstaller empties it).
Function .onVerifyInstDir
  ${If} $INSTDIR == "$LOCALAPPDATA\${APP}"
    Abort
  ${EndIf}
FunctionEnd

Section "${APP}" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An older version's libraries must not linger next to the new ones.
  RMDir /r "$INSTDIR\_internal"
  File /r "${SOURCE_DIR}/*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "${APP} call link"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr HKCU "${CAPABILITIES}" "ApplicationName" "${APP}"
  WriteRegStr HKCU "${CAPABILITIES}" "ApplicationDescription" "Call-and-chat softphone"
  !insertmacro RegisterScheme "tel" "Telephone call"
  !insertmacro RegisterScheme "sip" "SIP call"
  !insertmacro RegisterScheme "callto" "Call"
  WriteRegStr HKCU "Software\RegisteredApplications" "${APP}" "${CAPABILITIES}"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext current
FunctionEnd

; Removes what the installer put there, by name: never the user's data
; (%LOCALAPPDATA%\Switchboard), never anything else the user kept in the folder.
Section "Uninstall"
  Delete "$SMPROGRAMS\${APP}.lnk"
  !insertmacro UnregisterScheme "tel"
  !insertmacro UnregisterScheme "sip"
  !insertmacro UnregisterScheme "callto"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegValue HKCU "Software\RegisteredApplications" "${APP}"
  DeleteRegKey HKCU "Software\${APP}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"

  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\switchboard-selfcheck.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
SectionEnd
