#ifndef BRIEFING_CALLOCATOR_H
#define BRIEFING_CALLOCATOR_H

/// Hands the pages the allocator holds free, in every thread's arena, back to the system
/// (glibc's malloc_trim(0)): memory a finished step of a build no longer uses, which glibc would
/// otherwise keep for the thread that freed it. Returns 1 when some memory was released.
int briefing_release_free_memory(void);

#endif
