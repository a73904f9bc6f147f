/** The years of the 协作配套 lists (填写说明1 "请根据2022年、2023年、2024年不同年份逐年填写"). */
export const COOP_YEARS = [2022, 2023, 2024] as const;
export type CoopYear = (typeof COOP_YEARS)[number];

/** The year whose new loans T1 subsidises (附件1 六(一) "2024年度新增贷款"). */
export const LOAN_YEAR = 2024;
