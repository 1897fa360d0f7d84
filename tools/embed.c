/*
 * embed — turn a file into a C source that defines it as a byte array.
 *
 * Used at build time so that schema.sql and the holiday calendar travel inside the gongkai
 * binary: `embed NAME INPUT OUTPUT` writes `const unsigned char NAME[]` (NUL-terminated, so it
 * can be used as a string) and `const unsigned long NAME_len` (without the NUL).
 */
#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: embed NAME INPUT OUTPUT\n");
		return 64;
	}
	FILE *in = fopen(argv[2], "rb");
	if (!in) {
		perror(argv[2]);
		return 66;
	}
	FILE *out = fopen(argv[3], "w");
	if (!out) {
		perror(argv[3]);
		fclose(in);
		return 73;
	}
	fprintf(out, "/* generated from %s by tools/embed.c */\n", argv[2]);
	fprintf(out, "const unsigned char %s[] = {\n", argv[1]);
	unsigned long n = 0;
	int c;
	while ((c = getc(in)) != EOF) {
		fprintf(out, "%d,%s", c, (++n % 20) ? "" : "\n");
	}
	fprintf(out, "0};\nconst unsigned long %s_len = %luUL;\n", argv[1], n);
	int bad = ferror(in) || ferror(out);
	fclose(in);
	if (fclose(out) != 0 || bad) {
		fprintf(stderr, "embed: write failed\n");
		return 74;
	}
	return 0;
}
