//! Generated from src/scenario/default.json by `TAPECAST_BLESS=1 cargo test --lib builtin` (see
//! builtin.rs); do not edit. Its counts (lengths, `Option` tags, booleans), its numbers and
//! its strings, in the scenario structs' field order.

pub(super) static COUNTS: [u16; 449] = [
    8, 79, 86, 96, 110, 0, 10, 10, 10, 3, 10, 10, 10, 2, 10, 10, 6, 10, 8, 15,
    21, 0, 10, 6, 7, 12, 0, 10, 7, 4, 12, 0, 10, 7, 8, 9, 0, 10, 7, 8,
    6, 0, 10, 7, 10, 10, 0, 0, 22, 21, 1, 1, 209, 211, 2, 15, 20, 13, 18, 0,
    17, 17, 8, 16, 166, 145, 2, 6, 10, 6, 10, 0, 17, 15, 15, 33, 149, 131, 1, 9,
    10, 0, 21, 30, 76, 84, 3, 4, 4, 9, 0, 8, 13, 8, 1, 10, 7, 12, 7, 1,
    10, 0, 13, 12, 11, 16, 93, 93, 1, 8, 12, 0, 14, 3, 7, 9, 5, 6, 5, 5,
    0, 5, 8, 2, 8, 2, 9, 2, 9, 4, 8, 2, 0, 3, 10, 15, 19, 23, 5, 5,
    0, 5, 8, 2, 8, 2, 9, 2, 9, 4, 8, 2, 0, 3, 12, 10, 19, 23, 5, 5,
    0, 5, 8, 2, 8, 2, 9, 2, 9, 4, 8, 2, 0, 4, 5, 9, 19, 23, 2, 5,
    0, 5, 8, 2, 8, 2, 9, 2, 9, 4, 8, 2, 0, 4, 7, 9, 19, 23, 5, 5,
    0, 5, 8, 2, 8, 2, 9, 2, 9, 4, 8, 2, 0, 5, 14, 9, 19, 23, 2, 5,
    0, 5, 8, 2, 8, 2, 9, 2, 9, 4, 8, 2, 0, 6, 20, 21, 19, 23, 2, 5,
    0, 5, 8, 2, 8, 2, 9, 2, 9, 4, 8, 2, 0, 6, 10, 12, 19, 23, 9, 5,
    0, 5, 8, 2, 8, 2, 9, 2, 9, 4, 8, 4, 0, 4, 4, 6, 4, 13, 12, 5,
    0, 5, 8, 2, 8, 2, 9, 2, 9, 4, 8, 4, 0, 3, 7, 9, 1, 6, 12, 5,
    0, 5, 8, 2, 8, 2, 9, 2, 9, 4, 8, 2, 0, 4, 21, 22, 1, 1, 12, 4,
    0, 5, 8, 4, 8, 4, 9, 4, 9, 4, 8, 2, 0, 5, 22, 23, 1, 1, 12, 4,
    0, 5, 8, 4, 8, 4, 9, 4, 9, 4, 8, 2, 0, 2, 17, 18, 1, 1, 12, 4,
    0, 5, 8, 4, 8, 4, 9, 4, 9, 2, 8, 4, 0, 3, 3, 19, 5, 6, 12, 5,
    1, 5, 8, 4, 8, 4, 9, 4, 9, 2, 8, 4, 0, 1, 4, 10, 9, 6, 0, 10,
    8, 9, 0, 10, 8, 6, 0, 10, 10, 10, 0, 0, 2, 0, 5, 5, 12, 16, 76, 91,
    7, 13, 30, 36, 82, 74, 7, 11, 38, 36, 93, 87, 7, 11, 11, 10, 50, 56, 4, 10,
    14, 15, 45, 38, 8, 1, 121, 135, 0,
];

pub(super) static NUMBERS: [f64; 224] = [
    1.0, 2000.0, 20251117.0, 252.0, 1.5, 1.0, 1.3, 1.0, 1.0, 1.0, -25.0, 25.0,
    0.5, 0.0, -7.2, 7.2, 0.0, 100.0, 1.0, 40.0, 62.0, 50.0, 0.0, 500.0,
    5.0, 150.0, 350.0, 2.0, 0.0, 100.0, 5.0, 45.0, 60.0, 6672.41, 0.155, 0.0,
    0.95, 0.25, 0.0, 0.08, 0.174, 1.17, -0.15, 100.0, 0.23, 0.0, 0.85, 0.45,
    0.0, 0.14, 0.256, 1.51, -0.2, 100.0, 0.2, 0.0, 0.85, 0.1, -0.2, 0.0,
    0.15, 1.76, -0.22, 100.0, 0.28, 0.0, 0.75, 0.6, 0.0, 0.23, 0.35, 1.51,
    -0.2, 100.0, 0.15, 0.0, 0.95, 0.05, 0.0, 0.0, 0.1, 0.99, -0.13, 100.0,
    0.35, 0.0, 0.7, 0.65, 0.0, 0.13, 0.5, 1.51, -0.25, 100.0, 0.55, 0.0,
    0.55, 0.6, 0.0, 0.0, 0.6, 1.51, -0.3, 100.0, 0.15, 0.0, 0.75, -0.3,
    0.0, 0.0, -0.08, 0.82, -0.08, 4088.0, 0.16, 0.0, 0.05, 0.0, -0.3, 0.0,
    0.0, 0.8, -0.1, 91500.0, 0.5, 0.0, 0.45, 0.45, 0.0, 0.0, 0.47, 2.0,
    -0.4, 3.57, 85.0, 0.0, 0.3, 0.0, 0.9, 0.0, 0.3, -15.35, 0.0, 4.12,
    90.0, 0.0, 0.3, 0.0, 0.85, 0.0, 0.2, -7.875, 0.0, 3.05, 60.0, 0.02,
    -0.8, -0.1, 0.0, 0.0, -0.8, -2.0, 2.0, 21.5, 1.24, 0.025, -0.75, -0.2,
    0.0, 0.0, -1.5, -3.0, 2.0, 17.5, 3.9, 4.0, 500.0, 79.47, 121.69, 13.0,
    22.0, 66.0, 97.0, -5.0, 3.2, 100.0, 20.0, 15.0, 0.7, 50.0, 40.0, 2.0,
    120.0, 3.0, 50.0, 1.0, 30.0, 2.0, 7.2, 0.5, 0.8, 0.25, 3.0, 0.0,
    40.0, 150.0, 45.0, 9.0, 45.0, 150.0, 45.0, -10.0, 30.0, 250.0, 45.0, 0.0,
    40.0, 350.0, 0.0, 0.0, 85.0, 150.0, 60.0, 315.0,
];

pub(super) static TEXT: &str = "nov-2025Can Nvidia carry the market while the funding pipes wheeze? (as of 17 Nov 2025)资金管道吃紧之际，英伟达能否撑起市场？（截至2025年11月17日）tapecast scenario model, as of the 17 Nov 2025 close. A scenario tool, not a forecast or advice.tapecast 情景模型，基于2025年11月17日收盘。仅为情景工具，不构成预测或投资建议。2025-11-172026-01-052025-12-312025-11-272025-12-252026-01-012025-11-282025-12-242025-11-20earningsNvidia reaction英伟达财报反应2025-12-01qt_endQT ends缩表结束2025-12-10meetingFOMC议息会议2025-12-15fundingTax date缴税日2025-12-31fundingYear-end年末2026-01-02fundingJan settle1月结算Nvidia's next-day move英伟达次日涨跌%%Nvidia's share-price move on 20 Nov, the day after its report: +9 means up 9%. 0 = as priced; options implied a move of about ±7.2% either way. A beat of the consensus can still be a miss against positioning.英伟达财报公布次日（11月20日）的股价涨跌：+9 即上涨9%。0 = 符合定价；期权隐含的涨跌幅约为±7.2%。业绩超出一致预期，仍可能低于市场仓位所押注的水平。options −7.2%期权隐含 −7.2%options +7.2%期权隐含 +7.2%December cut odds12月降息概率% priced%，市场定价The probability of a 25 bp cut on 10 Dec that markets price just before the meeting. The marks: the odds priced on 13 and 14 Nov (CME FedWatch), before 40% on 17 Nov.会议前市场对12月10日降息25个基点的定价概率。刻度标出11月13日与14日的定价（CME FedWatch），11月17日降至40%。13 Nov11月13日14 Nov11月14日Reserve shortfall准备金缺口$bn below ample十亿美元，低于充裕水平How far bank reserves sit below the level where they stop being ample, before the dated drains. The mark: a shortfall as large as September 2019’s.银行准备金低于“充裕”门槛的幅度，不含特定日期的资金抽离。刻度标出与2019年9月相当的缺口。2019-like类似2019Fed reserve purchases美联储准备金管理购债Reserve management purchases: bill buying to rebuild reserves, not stimulus.准备金管理购债：买入短期国债以补充准备金，并非刺激措施。noneNone不购债decemberFrom December12月起2025-12-12januaryFrom January1月起2026-01-02Purchase pace购债节奏$bn a month十亿美元/月How many reserves the purchases add each month. The mark: the Fed’s pace from October 2019.购债每月补充的准备金规模。刻度标出美联储2019年10月起的购债节奏。Oct 20192019年10月spxS&P 500标普500index指数broadpricecut_oddsuprmp_paceuprmp_startupshortfalldownsurpriseupndxNasdaq-100纳斯达克100index, 17 Nov = 100指数，11月17日=100broadpricecut_oddsuprmp_paceuprmp_startupshortfalldownsurpriseuprutRussell 2000罗素2000index, 17 Nov = 100指数，11月17日=100broadpricecut_oddsuprmp_paceuprmp_startupshortfalldownsurpriseupmag7Mag 7七巨头index, 17 Nov = 100指数，11月17日=100aipricecut_oddsuprmp_paceuprmp_startupshortfalldownsurpriseups493S&P 493标普493index, 17 Nov = 100指数，11月17日=100broadpricecut_oddsuprmp_paceuprmp_startupshortfalldownsurpriseupsemisSemiconductors半导体index, 17 Nov = 100指数，11月17日=100aipricecut_oddsuprmp_paceuprmp_startupshortfalldownsurpriseupmemoryMemory: SNDK/WDC/STX存储：SNDK/WDC/STXindex, 17 Nov = 100指数，11月17日=100aipricecut_oddsuprmp_paceuprmp_startupshortfalldownsurpriseuphealthHealthcare医疗保健index, 17 Nov = 100指数，11月17日=100defensivepricecut_oddsuprmp_paceuprmp_startupshortfalldownsurprisedowngoldGold黄金$/oz美元/盎司alternativespricecut_oddsuprmp_paceuprmp_startupshortfalldownsurprisenonebtcBitcoin比特币$美元alternativespricecut_oddsuprmp_paceuprmp_startupshortfalldownsurpriseupus2y2-year Treasury yield2年期美债收益率%%rates_creditratecut_oddsdownrmp_pacenonermp_startnoneshortfallnonesurpriseupus10y10-year Treasury yield10年期美债收益率%%rates_creditratecut_oddsdownrmp_pacenonermp_startnoneshortfallnonesurpriseuphyHigh-yield spread高收益债利差%%rates_creditratecut_oddsdownrmp_pacedownrmp_startdownshortfallupsurprisedownvixVIXVIX 波动率指数index指数rates_creditpricecut_oddsdownrmp_pacedownrmp_startdownshortfallupsurprisedown2025-11-28Month-end月末2025-12-15Tax date缴税日2025-12-31Year-end年末2026-01-02Jan settle1月结算hyas-ofAs of 17 Nov11月17日现状Nvidia lands as priced, 40% cut odds, $150 bn short, purchases from January.英伟达符合定价，降息概率40%，准备金缺口150十亿美元，1月起购债。januarynvda-deliversNvidia delivers, rotation ends英伟达交出答卷，轮动终结Nvidia up 9% the next day, beyond the ±7.2% options implied; funding calm enough.英伟达次日上涨9%，超出期权隐含的±7.2%；资金面尚可。januarynvda-missesNvidia misses, credit finishes the job英伟达失手，信用市场补刀Nvidia down 10% the next day, beyond the ±7.2% options implied, while reserves keep sliding.英伟达次日下跌10%，超出期权隐含的±7.2%，同时准备金继续下滑。january2019-replay2019 replay重演2019A September-2019-sized shortfall and no purchases.与2019年9月相当的准备金缺口，且不购债。nonefed-blinksThe Fed blinks美联储让步Cut odds back up and purchases from December.降息概率回升，12月起购债。decemberRepo stress here is beyond the September 2019 peak (+315 bp), the worst the model was calibrated on: it is extrapolating.此处回购压力超过2019年9月的峰值（+315个基点），即模型校准所覆盖的最严重情形：数字为外推结果。";
