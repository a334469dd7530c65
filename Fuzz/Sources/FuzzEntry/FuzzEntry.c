// SwiftPM (tools 5.5 and later, on Linux) links every executable target with
// `--defsym main=<Module>_main`, so an executable without a `main` of its own fails to link
// with "undefined symbol '<Module>_main'". libFuzzer's documented way to run from someone
// else's main is LLVMFuzzerRunDriver: each <Module>_main below is libFuzzer's usual main.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ENTRY(name) \
    int name(int argc, char **argv) { return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput); }

FUZZ_ENTRY(FuzzCSV_main)
FUZZ_ENTRY(FuzzYAML_main)
FUZZ_ENTRY(FuzzTemplates_main)
