/*
 * scr_docs.h — 文书: the written documents of one application (docs/documents.md), opened with
 * d on the list or the detail screen, and offered after an event is recorded.
 */
#ifndef GK_SCR_DOCS_H
#define GK_SCR_DOCS_H

#include <stdbool.h>

#include "doc.h"
#include "tui.h"

extern const struct view_ops scr_docs_ops;

/* Opens the documents of application id on top of the current screen. */
void scr_docs_open(struct tui *t, long long id);

/* Issues a document of kind k for application id — asking first, in a form, for the facts the
 * case lacks, and saying what only the office's settings can give — then shows it. True when
 * one was issued. */
bool scr_docs_issue(struct tui *t, long long id, enum doc_kind k);

/* Asks whether to issue a document of kind k now (after its event was recorded), and does. */
void scr_docs_offer(struct tui *t, long long id, enum doc_kind k);

#endif
