; Inno Setup script for Attaché on Windows. Built by CI on a Windows runner
; (.github/workflows/installers.yml), not on Linux:
;   python packaging\build.py bundle          (dist\attache\, self-tested)
;   iscc /DAppVersion=0.1.0 packaging\windows\attache.iss
; Output: dist\attache-<version>-windows-x64-setup.exe (per-user or all users).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z attache.iss
#endif
#define AppName "Attaché"
#define AppExe "attache.exe"
#define Root "..\.."

[Setup]
AppId={{7B0E8E5C-2F3A-4E0B-9A55-8C1D2B7A6A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Attaché developers
DefaultDirName={autopf}\Attache
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=attache-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\resources\icons\attache.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\attache\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
