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
 *
 * A database whose own mode lets its group read and write is shared by the clerks of that group
 * (`gongkai init --group`, docs/manual.md). SQLite gives the -wal and -shm files the database
 * file's mode, but their group is the creating clerk's own unless the folder is setgid, and
 * another clerk of the group could then not open them: so on every open of a shared file they
 * are made 0660 with the file's group, whatever the clerk's umask.
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

/* One companion of a shared database: 0660 with the database's group when this process may
 * change it (it created it, or is root); another clerk's was made so when they opened it. */
static void share_companion(const char *path, const char *suffix, const struct stat *db)
{
	char *name = xasprintf("%s%s", path, suffix);
	struct stat sb;
	/* by its name, not through a descriptor: closing a descriptor of the -shm file would drop
	 * the locks SQLite holds on it (POSIX locks belong to the process, not the descriptor) */
	if (lstat(name, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (sb.st_uid == geteuid() || geteuid() == 0)) {
		/* the group first: changing it may clear mode bits. A clerk outside the group cannot
		 * give it the group, nor write the database anyway: then the mode stays as it is */
		bool grouped = sb.st_gid == db->st_gid || lchown(name, (uid_t)-1, db->st_gid) == 0;
		if (grouped && (sb.st_mode & 07777) != 0660 && chmod(name, 0660) != 0) {
			/* left as it is: the next open tries again */
		}
	}
	free(name);
}

void store_file_share(const char *path)
{
	char *real = realpath(path, NULL);
	struct stat db;
	if (real && stat(real, &db) == 0 && S_ISREG(db.st_mode) && (db.st_mode & 0060) == 0060) {
		share_companion(real, "-wal", &db);
		share_companion(real, "-shm", &db);
	}
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
