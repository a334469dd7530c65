#ifndef BRIEFING_CFILEEXCHANGE_H
#define BRIEFING_CFILEEXCHANGE_H

/// Swaps two paths in one step with renameat2(RENAME_EXCHANGE), so that a folder is never
/// missing between the old site and the new one. Returns 0, or -1 with errno set
/// (ENOSYS or EINVAL where the kernel or file system cannot exchange).
int briefing_exchange_paths(const char *first, const char *second);

#endif
