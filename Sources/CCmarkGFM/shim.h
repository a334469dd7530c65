#ifndef BRIEFING_CCMARKGFM_SHIM_H
#define BRIEFING_CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

/* The table extension's node types: libcmark-gfm-extensions exports these variables (set when the
   core extensions are registered) but no installed header declares them. Read through functions,
   so that Swift sees no shared mutable global. */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW, CMARK_NODE_TABLE_CELL;
static inline cmark_node_type briefing_node_type_table(void) { return CMARK_NODE_TABLE; }

/* A custom node's markup, written verbatim before its children (opening) and after them (closing);
   1 when both are set. */
static inline int briefing_node_set_markup(cmark_node *node, const char *opening, const char *closing) {
    return cmark_node_set_on_enter(node, opening) && cmark_node_set_on_exit(node, closing);
}
#endif
