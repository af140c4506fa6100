@echo off
rem Opens tct: in Windows Terminal when it is there, else in this window; when tct
rem ends with an error the window stays open so its one-line message can be read.
rem ASCII only: cmd reads a batch file in the console's code page.
chcp 65001 >nul
cd /d "%~dp0"
rem Windows Terminal is looked for on PATH as cmd finds programs (where.exe is not
rem everywhere); if it cannot be started, tct runs in this window.
setlocal
set "TCT_WT="
if not defined WT_SESSION for %%W in (wt.exe) do set "TCT_WT=%%~$PATH:W"
if defined TCT_WT (
  start "" "%TCT_WT%" -d "%~dp0." cmd /c ""%~dp0tct.exe" %* || pause" && exit /b
)
"%~dp0tct.exe" %*
if errorlevel 1 pause
