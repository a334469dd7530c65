/* The floor for `make bench`: reads every .md file in a folder, renders it with libcmark-gfm (tables,
 * strikethrough, autolinks, as briefing registers them), wraps it in a small HTML page and writes it
 * to OUT/<name>/index.html. Serial, one core: what rendering and writing the pages costs at least.
 * Usage: cmark-floor IN_DIR OUT_DIR */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    *len = fread(buf, 1, (size_t)n, f);
    fclose(f);
    return buf;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s IN_DIR OUT_DIR\n", argv[0]); return 2; }
    cmark_gfm_core_extensions_ensure_registered();
    const char *names[] = {"table", "strikethrough", "autolink"};
    DIR *dir = opendir(argv[1]);
    if (!dir) { perror(argv[1]); return 1; }
    mkdir(argv[2], 0755);
    struct dirent *entry;
    int pages = 0;
    char path[4096];
    while ((entry = readdir(dir))) {
        size_t nlen = strlen(entry->d_name);
        if (nlen < 4 || strcmp(entry->d_name + nlen - 3, ".md") != 0) continue;
        snprintf(path, sizeof path, "%s/%s", argv[1], entry->d_name);
        size_t len;
        char *text = slurp(path, &len);
        if (!text) { perror(path); return 1; }
        cmark_parser *parser = cmark_parser_new(CMARK_OPT_UNSAFE);
        for (int i = 0; i < 3; i++) cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(names[i]));
        cmark_parser_feed(parser, text, len);
        cmark_node *doc = cmark_parser_finish(parser);
        char *html = cmark_render_html(doc, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser));
        snprintf(path, sizeof path, "%s/%.*s", argv[2], (int)(nlen - 3), entry->d_name);
        mkdir(path, 0755);
        strncat(path, "/index.html", sizeof path - strlen(path) - 1);
        FILE *out = fopen(path, "wb");
        if (!out) { perror(path); return 1; }
        fprintf(out, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%.*s</title>"
                     "<link rel=\"stylesheet\" href=\"../style.css\"></head><body><main>\n%s</main></body></html>\n",
                (int)(nlen - 3), entry->d_name, html);
        fclose(out);
        free(html);
        cmark_node_free(doc);
        cmark_parser_free(parser);
        free(text);
        pages++;
    }
    closedir(dir);
    printf("%d pages\n", pages);
    return 0;
}
