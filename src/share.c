/*
 * share.c — preparing a database file to be shared by a group of clerks (`gongkai init
 * --group`, docs/manual.md, "Several accounts, one file").
 *
 * A database is private by default (store.c: 0600, its folders 0700). On a server where each
 * clerk has a login of their own, the office's file instead belongs to a group: the file 0660,
 * its folder 2770 (setgid, so that what is created in it — the -wal and -shm files — takes the
 * group too), nobody else let in. Everything here is done with system calls on the paths, never
 * with a program run, and whatever the umask: each mode is set explicitly after creation.
 */
#include "share.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "strbuf.h"
#include "syserr.h"
#include "xmem.h"

#define SHARE_FOLDER_MODE 02770
#define SHARE_FILE_MODE 0660

/* The path as a shell word, for the commands an administrator is told to run. */
static char *shell_word(const char *path)
{
	bool plain = *path != '\0';
	for (const char *p = path; *p; p++)
		if (!strchr("/-._~+,:@%=", *p) && !(*p >= 'a' && *p <= 'z') &&
		    !(*p >= 'A' && *p <= 'Z') && !(*p >= '0' && *p <= '9'))
			plain = false;
	if (plain)
		return xstrdup(path);
	struct strbuf b = STRBUF_INIT;
	sb_addc(&b, '\'');
	for (const char *p = path; *p; p++) {
		if (*p == '\'')
			sb_adds(&b, "'\\''");
		else
			sb_addc(&b, *p);
	}
	sb_addc(&b, '\'');
	return sb_detach(&b);
}

/* The group called name: its id in *gid, and whether login is listed among its members. */
static bool group_find(const char *name, const char *login, gid_t *gid, bool *listed)
{
	size_t cap = 16384;
	for (;;) {
		char *buf = xmalloc(cap);
		struct group g, *res = NULL;
		int rc = getgrnam_r(name, &g, buf, cap, &res);
		if (rc == ERANGE && cap < (1u << 24)) {
			free(buf);
			cap *= 4;
			continue;
		}
		bool found = rc == 0 && res;
		*listed = false;
		if (found) {
			*gid = g.gr_gid;
			for (char **m = g.gr_mem; m && *m; m++)
				if (strcmp(*m, login) == 0)
					*listed = true;
		}
		free(buf);
		return found;
	}
}

/* The name of a group id, or the number when it has none; the caller frees it. */
static char *group_name(gid_t gid)
{
	char buf[16384];
	struct group g, *res = NULL;
	if (getgrgid_r(gid, &g, buf, sizeof buf, &res) == 0 && res)
		return xstrdup(g.gr_name);
	return xasprintf("%ld", (long)gid);
}

/* The login of the effective user, or its number; the caller frees it. */
static char *login_name(void)
{
	char buf[16384];
	struct passwd pw, *res = NULL;
	if (getpwuid_r(geteuid(), &pw, buf, sizeof buf, &res) == 0 && res)
		return xstrdup(pw.pw_name);
	return xasprintf("%ld", (long)geteuid());
}

/* Whether this process has gid among its groups (root counts as every group's member). */
static bool process_in_group(gid_t gid)
{
	if (geteuid() == 0 || getegid() == gid)
		return true;
	int n = getgroups(0, NULL);
	if (n <= 0)
		return false;
	gid_t *list = xcalloc((size_t)n, sizeof *list);
	n = getgroups(n, list);
	bool in = false;
	for (int i = 0; i < n; i++)
		if (list[i] == gid)
			in = true;
	free(list);
	return in;
}

static enum status check_member(const char *group, gid_t gid, bool listed, const char *login,
				struct diag *d)
{
	if (process_in_group(gid))
		return ST_OK;
	if (listed)
		diag_add(d, "用户 %s 已加入用户组 %s，但本次登录还没有生效：请退出后重新登录，再执行"
			 "本命令", login, group);
	else
		diag_add(d, "用户 %s 不是用户组 %s 的成员，不能建立该组共享的数据库：请管理员执行 "
			 "usermod -aG %s %s，然后重新登录", login, group, group, login);
	return ST_CANTCREAT;
}

/* The folder that holds path; the caller frees it. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* Creates folder dir for the group: 2770, group gid, whatever the umask. */
static enum status make_folder(const char *dir, gid_t gid, struct diag *d)
{
	if (mkdir(dir, 0700) != 0) {
		diag_add(d, "无法创建文件夹 %s：%s", dir, syserr_reason(errno).text);
		return ST_CANTCREAT;
	}
	/* the group first: changing a group may clear the setgid bit */
	if (chown(dir, (uid_t)-1, gid) != 0 || chmod(dir, SHARE_FOLDER_MODE) != 0) {
		diag_add(d, "无法把文件夹 %s 设为用户组共享：%s", dir, syserr_reason(errno).text);
		rmdir(dir);
		return ST_CANTCREAT;
	}
	return ST_OK;
}

/* Creates the missing folders down to dir, each for the group; done->top the highest. */
static enum status make_folders(const char *dir, gid_t gid, struct share_done *done,
				struct diag *d)
{
	char *p = xstrdup(dir);
	enum status st = ST_OK;
	size_t len = strlen(p);
	for (size_t i = 1; i <= len && st == ST_OK; i++) {
		if (p[i] != '/' && p[i] != '\0')
			continue;
		char keep = p[i];
		p[i] = '\0';
		struct stat sb;
		if (stat(p, &sb) != 0) {
			st = make_folder(p, gid, d);
			if (st == ST_OK && !done->top)
				done->top = xstrdup(p);
		} else if (!S_ISDIR(sb.st_mode)) {
			diag_add(d, "%s 不是文件夹", p);
			st = ST_CANTCREAT;
		}
		p[i] = keep;
	}
	free(p);
	return st;
}

/* An existing folder must belong to the group, let it write, and not let others write. */
static enum status check_folder(const char *dir, const struct stat *sb, const char *group,
				gid_t gid, struct diag *d)
{
	if (!S_ISDIR(sb->st_mode)) {
		diag_add(d, "%s 不是文件夹", dir);
		return ST_CANTCREAT;
	}
	bool mine = sb->st_gid == gid, writable = (sb->st_mode & 0070) == 0070,
	     closed = (sb->st_mode & 0007) == 0;
	if (mine && writable && closed)
		return ST_OK;
	char *now = group_name(sb->st_gid), *w = shell_word(dir);
	if (!mine)
		diag_add(d, "文件夹 %s 属于用户组 %s，不属于 %s：该组的办理人员不能在其中建立和改写"
			 "数据库的文件", dir, now, group);
	else if (!writable)
		diag_add(d, "文件夹 %s 的权限（%04o）不允许用户组 %s 在其中建立文件", dir,
			 (unsigned)(sb->st_mode & 07777), group);
	else
		diag_add(d, "文件夹 %s 的权限（%04o）让组外的用户也能读取或改动其中的文件", dir,
			 (unsigned)(sb->st_mode & 07777));
	diag_add(d, "请管理员执行：chgrp %s %s && chmod 2770 %s", group, w, w);
	free(now);
	free(w);
	return ST_CANTCREAT;
}

/* Whether the file at path is empty or starts as an SQLite database does: a file of another
 * program keeps its modes (store_open then refuses it). */
static bool looks_like_database(const char *path, const struct stat *sb)
{
	if (sb->st_size == 0)
		return true;
	static const char magic[16] = "SQLite format 3";   /* with its NUL: 16 bytes */
	char head[16];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return true;   /* unreadable here: the owner check below decides */
	bool same = read(fd, head, sizeof head) == (ssize_t)sizeof head &&
		    memcmp(head, magic, sizeof head) == 0;
	close(fd);
	return same;
}

/* The database file: created 0660 for the group, or an existing one made so. */
static enum status prepare_file(const char *path, const char *group, gid_t gid,
				struct share_done *done, struct diag *d)
{
	struct stat sb;
	if (stat(path, &sb) == 0) {
		if (!S_ISREG(sb.st_mode)) {
			diag_add(d, "%s 不是普通文件", path);
			return ST_NOTOURS;
		}
		if (sb.st_gid == gid && (sb.st_mode & 07777) == SHARE_FILE_MODE)
			return ST_OK;
		if (!looks_like_database(path, &sb)) {
			diag_add(d, "%s 不是 SQLite 数据库，未改动它的权限", path);
			return ST_NOTOURS;
		}
		if (sb.st_uid != geteuid() && geteuid() != 0) {
			char *w = shell_word(path);
			diag_add(d, "数据库文件 %s 属于另一个用户，只有它的所有者或 root 才能把它改为"
				 "用户组 %s 共享：chgrp %s %s && chmod 660 %s", path, group, group, w, w);
			free(w);
			return ST_CANTCREAT;
		}
		if (chown(path, (uid_t)-1, gid) != 0 || chmod(path, SHARE_FILE_MODE) != 0) {
			diag_add(d, "无法把数据库文件 %s 设为用户组 %s 共享：%s", path, group,
				 syserr_reason(errno).text);
			return ST_CANTCREAT;
		}
		return ST_OK;
	}
	if (errno != ENOENT) {
		diag_add(d, "无法读取数据库文件 %s：%s", path, syserr_reason(errno).text);
		return ST_CANTCREAT;
	}
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		diag_add(d, "无法创建数据库文件 %s：%s", path, syserr_reason(errno).text);
		return ST_CANTCREAT;
	}
	bool ok = fchown(fd, (uid_t)-1, gid) == 0 && fchmod(fd, SHARE_FILE_MODE) == 0;
	int err = errno;
	close(fd);
	if (!ok) {
		unlink(path);
		diag_add(d, "无法把数据库文件 %s 设为用户组 %s 共享：%s", path, group,
			 syserr_reason(err).text);
		return ST_CANTCREAT;
	}
	done->file = xstrdup(path);
	return ST_OK;
}

enum status share_prepare(const char *path, const char *group, struct share_done *done,
			  struct diag *d)
{
	memset(done, 0, sizeof *done);
	char *login = login_name();
	gid_t gid = 0;
	bool listed = false;
	enum status st = ST_OK;
	if (!*group || !group_find(group, login, &gid, &listed)) {
		diag_add(d, "用户组 %s 不存在：请管理员先建立（groupadd %s），再把各办理人员加入"
			 "（usermod -aG %s 用户名）", group, group, group);
		st = ST_USAGE;
	}
	if (st == ST_OK)
		st = check_member(group, gid, listed, login, d);
	done->folder = folder_of(path);
	if (st == ST_OK) {
		struct stat sb;
		if (stat(done->folder, &sb) == 0) {
			st = check_folder(done->folder, &sb, group, gid, d);
		} else if (errno == ENOENT) {
			st = make_folders(done->folder, gid, done, d);
		} else {
			diag_add(d, "无法读取文件夹 %s：%s", done->folder, syserr_reason(errno).text);
			st = ST_CANTCREAT;
		}
	}
	if (st == ST_OK)
		st = prepare_file(path, group, gid, done, d);
	if (st != ST_OK)
		share_undo(done);
	free(login);
	return st;
}

void share_undo(const struct share_done *done)
{
	if (done->file) {
		static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
		for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
			char *name = xasprintf("%s%s", done->file, suffix[i]);
			unlink(name);
			free(name);
		}
	}
	if (!done->top || !done->folder)
		return;
	/* from the file's folder up to the highest one made, each removed only when empty */
	char *p = xstrdup(done->folder);
	size_t top = strlen(done->top);
	while (strlen(p) >= top && rmdir(p) == 0) {
		char *slash = strrchr(p, '/');
		if (!slash || slash == p)
			break;
		*slash = '\0';
	}
	free(p);
}

void share_done_release(struct share_done *done)
{
	free(done->file);
	free(done->top);
	free(done->folder);
	memset(done, 0, sizeof *done);
}

bool share_is_shared(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && (sb.st_mode & 0060) == 0060;
}
