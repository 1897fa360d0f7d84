#include <stdio.h>
#include "config.h"
int main(void) { puts("gongkai " GK_VERSION); return 0; }
