using HashPivot.Engine.Bitcoin;
using HashPivot.Engine.Units;

namespace HashPivot.Data.Analysis;

/// <summary>What <c>hashpivot hashprice --json</c> and <c>GET /api/v1/hashprice</c> answer: hashprice (USD/PH/day and USD/TH/day), network hashrate (EH/s) and the network's miner revenue (USD/day).</summary>
public sealed record HashpriceResult(
    double HashpriceUsdPerPhDay,
    double HashpriceUsdPerThDay,
    double NetworkHashrateEhS,
    double SubsidyBtc,
    double FeesBtcPerBlock,
    double BtcPriceUsd,
    double Difficulty,
    long? Height,
    double MinerRevenueUsdPerDay)
{
    /// <summary>Hashprice from BTC price (USD), difficulty, subsidy and fees per block (BTC) (domain.md §1.1).</summary>
    public static HashpriceResult Compute(double btcPriceUsd, double difficulty, double subsidyBtc, double feesBtcPerBlock, long? height)
    {
        var btcPrice = new UsdPerBtc(btcPriceUsd);
        var subsidy = Btc.FromBtc(subsidyBtc);
        var fees = Btc.FromBtc(feesBtcPerBlock);
        var hashprice = Hashprice.FromNetwork(btcPrice, difficulty, subsidy, fees);
        return new HashpriceResult(
            HashpriceUsdPerPhDay: hashprice.Value,
            HashpriceUsdPerThDay: hashprice.Value / 1000,
            NetworkHashrateEhS: NetworkHashrate.FromDifficulty(difficulty).Value,
            SubsidyBtc: subsidy.Value,
            FeesBtcPerBlock: fees.Value,
            BtcPriceUsd: btcPrice.Value,
            Difficulty: difficulty,
            Height: height,
            MinerRevenueUsdPerDay: BitcoinProtocol.BlocksPerDay * (subsidy + fees).Value * btcPrice.Value);
    }
}
