// Nothing to import: this target only supplies the entry points below to the linker.
