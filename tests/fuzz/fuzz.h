/*
 * fuzz.h — what the fuzz harnesses share: the libFuzzer entry point they define, and a check
 * that stops the run (abort) with a line saying which property failed, so that a finding is
 * a crash libFuzzer keeps, and a failing corpus file fails the replay test of the normal suite.
 */
#ifndef GK_FUZZ_H
#define GK_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

#endif
