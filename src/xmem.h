/*
 * xmem.h — allocation that never returns NULL.
 *
 * gongkai treats running out of memory as fatal: xmem_fatal() calls the hook the program set
 * (the terminal interface restores the screen there), prints one Chinese line and aborts.
 * Everything else in the core returns a status instead of exiting.
 */
#ifndef GK_XMEM_H
#define GK_XMEM_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array: returns p resized to hold at least `need` items of `size`, updating *cap. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string; the caller frees it. Every "format into a new string" in the
 * program goes through xvasprintf. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Called once before abort on allocation failure (e.g. to end curses mode). */
void xmem_set_fatal_hook(void (*hook)(void));
_Noreturn void xmem_fatal(void);

#endif
