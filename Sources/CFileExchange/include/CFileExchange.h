#ifndef BRIEFING_CFILEEXCHANGE_H
#define BRIEFING_CFILEEXCHANGE_H

/// Swaps two paths in one step with renameat2(RENAME_EXCHANGE), so that a folder is never
/// missing between the old site and the new one. Returns 0, or -1 with errno set
/// (ENOSYS or EINVAL where the kernel or file system cannot exchange).
int briefing_exchange_paths(const char *first, const char *second);

/// Renames with renameat2(RENAME_NOREPLACE): fails with EEXIST, rather than replacing it,
/// when something is already at `destination`. Returns 0, or -1 with errno set.
int briefing_rename_noreplace(const char *source, const char *destination);

#endif
