@echo off
rem tct on the bundled demo data (Lang Son, 2022), to look around: the user's own
rem database is not touched. As the other launcher, with --demo.
rem ASCII only: cmd reads a batch file in the console's code page.
chcp 65001 >nul
cd /d "%~dp0"
if not defined WT_SESSION (
  where wt >nul 2>nul && (
    start "" wt -d "%~dp0." cmd /c ""%~dp0tct.exe" --demo %* || pause"
    exit /b
  )
)
"%~dp0tct.exe" --demo %*
if errorlevel 1 pause
