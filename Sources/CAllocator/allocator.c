#include "CAllocator.h"
#include <malloc.h>

int briefing_release_free_memory(void) {
    return malloc_trim(0);
}
