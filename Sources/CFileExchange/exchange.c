// Swift's Glibc module does not expose renameat2, which the atomic site writer needs.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "CFileExchange.h"

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

static int rename_with_flags(const char *from, const char *to, unsigned int flags) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, flags);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int briefing_exchange_paths(const char *first, const char *second) {
    return rename_with_flags(first, second, RENAME_EXCHANGE);
}

int briefing_rename_noreplace(const char *source, const char *destination) {
    return rename_with_flags(source, destination, RENAME_NOREPLACE);
}
