/*
 * fee.h — 信息处理费, the fee for processing an application for government information.
 *
 * 第四十二条 of 《政府信息公开条例》 lets an office charge when an applicant asks for much, at the
 * rates of 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号): per application (按件), by how
 * many the applicant made in one calendar month, or per page (按量) — never both for one
 * application. Amounts are whole yuan; the program proposes, the clerk confirms.
 */
#ifndef GK_FEE_H
#define GK_FEE_H

/* The largest count fee_for_nth_application and fee_for_count compute for; above it the result
 * is that of FEE_COUNT_MAX (no applicant makes ten million applications in a month). */
#define FEE_COUNT_MAX 10000000

/* 按件: the fee for an applicant's nth application of one calendar month, in yuan. The 1st to
 * 10th are free, the 11th to 30th cost 100 each, then 100 more for each further band of ten:
 * 31st–40th 200, 41st–50th 300, …. nth < 1 gives 0. */
int fee_for_nth_application(int nth);

/* 按件: the total for the applications 1..count of one applicant in one month, in yuan
 * (the sum of fee_for_nth_application over them). count < 1 gives 0. */
long fee_for_count(int count);

/* 按量: the fee for pages pages, in yuan, each rate for "the part" (的部分) within its band:
 * up to 30 free, pages 31–100 at 10 a page, 101–200 at 20, from 201 at 40. pages < 1 gives 0;
 * pages above FEE_COUNT_MAX count as FEE_COUNT_MAX. */
long fee_for_pages(int pages);

#endif
