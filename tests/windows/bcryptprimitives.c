/* A stand-in for Windows' bcryptprimitives.dll, for running the tests under Wine
 * only: Wine 8 has no such DLL, and Rust's standard library takes its random bytes
 * (HashMap keys) from its ProcessPrng. This one gets them from RtlGenRandom
 * (advapi32's SystemFunction036). Never shipped: Windows 10 and later have the real
 * one. Built by tests/windows/wine-run. */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
