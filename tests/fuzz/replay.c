/*
 * replay.c — runs a fuzz harness over files without libFuzzer, for the normal test suite.
 *
 *   replay_NAME FILE_OR_FOLDER...
 *
 * Every file (folders are walked one level deep, in name order) goes through the harness's
 * LLVMFuzzerTestOneInput exactly as the fuzzer would give it; a property that fails aborts,
 * which fails the test. So the seed corpus and every finding kept in it stay covered on a
 * machine without clang.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "xmem.h"

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "replay: cannot read %s\n", path);
		return 1;
	}
	size_t cap = 1 << 16, n = 0, got;
	uint8_t *buf = xmalloc(cap);
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = xrealloc(buf, cap *= 2);
	}
	fclose(f);
	/* an exact-size copy, as libFuzzer gives: reading past the end is caught */
	uint8_t *exact = xmalloc(n ? n : 1);
	memcpy(exact, buf, n);
	free(buf);
	LLVMFuzzerTestOneInput(exact, n);
	free(exact);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_dir(const char *dir, size_t *files)
{
	DIR *d = opendir(dir);
	if (!d)
		return 1;
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		names = xrealloc(names, (n + 1) * sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		rc |= run_file(path);
		(*files)++;
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	size_t files = 0;
	int rc = 0;
	for (int i = 1; i < argc; i++) {
		struct stat sb;
		if (stat(argv[i], &sb) != 0) {
			fprintf(stderr, "replay: no %s\n", argv[i]);
			rc = 1;
		} else if (S_ISDIR(sb.st_mode)) {
			rc |= run_dir(argv[i], &files);
		} else {
			rc |= run_file(argv[i]);
			files++;
		}
	}
	printf("replay: %zu inputs, every property held\n", files);
	return rc;
}
