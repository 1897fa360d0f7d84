/*
 * xmem.c — allocation wrappers; the only place that decides what out-of-memory does.
 */
#include "xmem.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void (*fatal_hook)(void);

void xmem_set_fatal_hook(void (*hook)(void))
{
	fatal_hook = hook;
}

_Noreturn void xmem_fatal(void)
{
	static const char msg[] = "gongkai: 内存不足，程序终止\n";

	if (fatal_hook)
		fatal_hook();
	/* write(2) needs no allocation, unlike stdio on an unbuffered stream in some libcs */
	ssize_t r = write(STDERR_FILENO, msg, sizeof msg - 1);
	(void)r;
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		xmem_fatal();
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		xmem_fatal();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		xmem_fatal();
	return q;
}

void *xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t n = *cap ? *cap : 8;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			xmem_fatal();
		n *= 2;
	}
	if (n > SIZE_MAX / size)
		xmem_fatal();
	*cap = n;
	return xrealloc(p, n * size);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	if (!fmt)  /* never happens; keeps GCC 12 quiet under -fsanitize (GCC PR 116834) */
		xmem_fatal();
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	if (n < 0)   /* an encoding error in a conversion: the program's own mistake */
		xmem_fatal();
	char *p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, again);
	va_end(again);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}
