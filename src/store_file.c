/*
 * store_file.c — how a database file can be opened: read-write, read-only, or read-only as
 * immutable, decided from the file system before SQLite touches the file.
 *
 * A WAL database needs two files beside it, PATH-wal and PATH-shm, which SQLite creates on
 * first use — even for a reader. In a folder this process cannot write, a reader cannot create
 * them and SQLite refuses every read (SQLITE_READONLY_DIRECTORY). Where the database file
 * itself cannot be written, a reader would create them with the file's read-only mode, and the
 * file stays unwritable for everyone after its owner makes it writable again. So when the file
 * cannot be written here and neither file exists (no connection has the database open: the
 * last one to close removes them), the file is opened as immutable: read straight from the
 * disk, with nothing created beside it.
 */
#include "store_priv.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "strbuf.h"
#include "xmem.h"

/* Whether PATH followed by suffix exists. */
static bool companion_exists(const char *path, const char *suffix)
{
	char *name = xasprintf("%s%s", path, suffix);
	struct stat sb;
	bool exists = lstat(name, &sb) == 0;
	free(name);
	return exists;
}

/* Whether this process may create files in the folder that holds path. */
static bool folder_writable(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = !slash ? xstrdup(".") : slash == path ? xstrdup("/")
		  : xstrndup(path, (size_t)(slash - path));
	bool ok = access(dir, W_OK | X_OK) == 0;
	free(dir);
	return ok;
}

void store_file_access(const char *path, int flags, struct store_access *a)
{
	memset(a, 0, sizeof *a);
	/* SQLite follows a symbolic link and puts -wal and -shm beside the file it names */
	char *real = realpath(path, NULL);
	if (real)
		path = real;
	bool file_ok = access(path, W_OK) == 0, folder_ok = folder_writable(path);
	if (!file_ok)
		a->why = "没有写入该文件的权限";
	else if (!folder_ok)
		a->why = "所在文件夹不可写，无法建立 -wal 和 -shm 文件";
	else if (flags & STORE_READONLY)
		a->why = "只读打开";
	a->readonly = a->why != NULL;
	/* a rollback journal beside it is an import into an empty file under way, or one that
	 * was killed: read as immutable, its half-written pages would show */
	a->immutable = (!file_ok || !folder_ok) && !companion_exists(path, "-wal") &&
		       !companion_exists(path, "-shm") && !companion_exists(path, "-journal");
	free(real);
}

char *store_file_uri(const char *path)
{
	/* RFC 3986 as SQLite reads it: '%', '?' and '#' end or escape the path; escape all but
	 * the plainest bytes so that any file name survives */
	struct strbuf u = STRBUF_INIT;
	sb_adds(&u, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("/-._~", *p))
			sb_addc(&u, (char)*p);
		else
			sb_addf(&u, "%%%02X", *p);
	}
	sb_adds(&u, "?immutable=1");
	return sb_detach(&u);
}
