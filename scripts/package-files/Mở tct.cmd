@echo off
rem Opens tct: in Windows Terminal when it is there, else in this window; when tct
rem ends with an error the window stays open so its one-line message can be read.
rem ASCII only: cmd reads a batch file in the console's code page.
chcp 65001 >nul
cd /d "%~dp0"
if not defined WT_SESSION (
  where wt >nul 2>nul && (
    start "" wt -d "%~dp0." cmd /c ""%~dp0tct.exe" %* || pause"
    exit /b
  )
)
"%~dp0tct.exe" %*
if errorlevel 1 pause
