/*
 * dup.h — possible duplicate applications (重复申请): how alike two requests (申请内容) are, and
 * the earlier applications of the same applicant whose request is alike, as the form and
 * `gongkai add` show them.
 *
 * Two requests are compared by the pairs of adjacent characters they share (Chinese has no
 * spaces, so character pairs stand in for words): the Dice coefficient of the two sets of
 * pairs, after dropping punctuation, spaces and the words nearly every request holds (申请,
 * 公开, 政府信息, 提供, …), which would make any two requests look alike. It is a hint only:
 * whether an application repeats an earlier one is the clerk's decision (第三十六条（六）).
 */
#ifndef GK_DUP_H
#define GK_DUP_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* Requests this alike or more are shown as possible duplicates. In the examples the value was
 * chosen from (tests/unit/test_dup.c) rewordings of one request score 0.55 to 0.9, requests of
 * one applicant about other matters, even of the same place, 0.3 and below; another document
 * of the same project sits at about 0.5, where a hint had better show than miss. */
#define DUP_THRESHOLD 0.5
/* How far back the earlier applications are looked for: about six months, in days. */
#define DUP_DAYS 183
/* The most earlier applications shown. */
#define DUP_MAX 5

/* How alike two requests are, 0 … 1: 0 when either has no pair of characters left (empty, or
 * only punctuation and common words). Invalid UTF-8 counts as U+FFFD. NULL is empty. */
double dup_similarity(const char *a, const char *b);
/* dup_similarity(a, b) >= DUP_THRESHOLD. */
bool dup_similar(const char *a, const char *b);

/* An earlier application that may be repeated. */
struct dup_match {
	long long id;
	char *case_no, *applicant, *request;   /* owned; request NULL when empty */
	int received, answered;                /* dates; answered DATE_NONE while open */
	int outcome;                           /* an outcome row of table 三, or -1 while open */
	double score;                          /* dup_similarity with the new request */
};

struct dup_list {
	struct dup_match *v;
	size_t n, cap;
};

/* Adds a match (the strings are copied). */
void dup_list_add(struct dup_list *l, const struct dup_match *m);
/* Frees what the list holds and empties it; the list may be used again. */
void dup_list_release(struct dup_list *l);

/* One match in a few words, appended to out: `2023-0012（2023-03-02 收到，答复：予以公开）`, or
 * `（…收到，尚未答复）` while it is open. */
void dup_match_brief(const struct dup_match *m, struct strbuf *out);
/* The list in one line, appended to out: the first (newest) match as dup_match_brief gives it,
 * then `等 N 件` when there are more; nothing when the list is empty. */
void dup_summary(const struct dup_list *l, struct strbuf *out);

#endif
