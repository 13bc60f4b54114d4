using System.Globalization;
using System.Text;
using HashPivot.Data.Portfolios;
using HashPivot.Data.Validation;

namespace HashPivot.Data.Tests.Portfolios;

/// <summary>
/// Seeded random mutations of samples/portfolio.yaml: the loader must return a portfolio or throw
/// <see cref="InputException"/> with located problems, and nothing else, whatever the bytes.
/// </summary>
public sealed class PortfolioLoaderFuzzTests
{
    private const int Seed = 20_260_624;
    private const int Cases = 20_000;

    private static readonly string[] HugeNumbers =
        ["1e309", "-1e309", "99999999999999999999", "-99999999999999999999", "1.7976931348623157e308", "4.9e-324", "NaN", ".inf", "0x7FFFFFFF", "9223372036854775808"];

    [Fact]
    public void Load_RandomlyMutatedSample_ReturnsPortfolioOrThrowsLocatedInputException()
    {
        var sample = File.ReadAllText(PortfolioYaml.SamplePath);
        // The sample's grid-exposed site names a series file; a constant reader keeps each case fast and focused on YAML.
        var loader = new PortfolioLoader(new ConstantSeriesReader());
        var outcomes = new int[2];
        for (var i = 0; i < Cases; i++)
        {
            // One generator per case, so a failure names the case and it can be replayed alone.
            var random = new Random(Seed + i);
            var yaml = sample;
            var steps = 1 + random.Next(3);
            for (var s = 0; s < steps; s++)
            {
                yaml = Mutate(yaml, random);
            }

            try
            {
                loader.Load(yaml, PortfolioYaml.FileName, Path.GetDirectoryName(PortfolioYaml.SamplePath)!);
                outcomes[0]++;
            }
            catch (InputException ex)
            {
                outcomes[1]++;
                Assert.NotEmpty(ex.Problems);
                foreach (var p in ex.Problems)
                {
                    Assert.True(
                        p.Line >= 0 && p.Column >= 0 && p.File == PortfolioYaml.FileName && p.Field.Length > 0 && p.Message.Length > 0,
                        $"case {i}: badly located problem '{p}' for input:\n{Excerpt(yaml)}");
                }
            }
            catch (Exception ex)
            {
                Assert.Fail($"case {i} (seed {Seed + i}): {ex.GetType().Name}: {ex.Message}\ninput:\n{Excerpt(yaml)}\n{ex.StackTrace}");
            }
        }

        // The mutations must leave some files valid and break others, or the fuzz explores only one side.
        Assert.True(outcomes[0] > 100 && outcomes[1] > Cases / 2, $"loaded {outcomes[0]}, refused {outcomes[1]}");
    }

    private static string Mutate(string yaml, Random random)
    {
        var at = random.Next(yaml.Length + 1);
        var kind = random.Next(12);
        var lines = kind is 4 or 5 or 9 or 10 or 11 ? [.. yaml.Split('\n')] : new List<string>();
        var line = random.Next(Math.Max(1, lines.Count));
        switch (kind)
        {
            case 0: // truncate
                return yaml[..at];

            case 1: // flip bits of a few characters
                var chars = yaml.ToCharArray();
                for (var n = 1 + random.Next(4); n > 0 && chars.Length > 0; n--)
                {
                    var k = random.Next(chars.Length);
                    chars[k] = (char)(chars[k] ^ (1 << random.Next(16)));
                }

                return new string(chars);

            case 2: // replace a byte of the UTF-8 encoding, then decode (invalid sequences become U+FFFD)
                var bytes = Encoding.UTF8.GetBytes(yaml);
                if (bytes.Length > 0)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return Encoding.UTF8.GetString(bytes);

            case 3: // a huge or special number in place of a value
                var colon = yaml.IndexOf(": ", at, StringComparison.Ordinal);
                if (colon < 0)
                {
                    return yaml;
                }

                var end = yaml.IndexOfAny([' ', '\n'], colon + 2);
                end = end < 0 ? yaml.Length : end;
                return string.Concat(yaml.AsSpan(0, colon + 2), HugeNumbers[random.Next(HugeNumbers.Length)], yaml.AsSpan(end));

            case 4: // delete a line
                lines.RemoveAt(line);
                return string.Join('\n', lines);

            case 5: // duplicate a line
                lines.Insert(line, lines[line]);
                return string.Join('\n', lines);

            case 6: // random UTF-16 code units, NUL and lone surrogates included
                var noise = new char[1 + random.Next(8)];
                for (var k = 0; k < noise.Length; k++)
                {
                    noise[k] = random.Next(4) == 0 ? '\0' : (char)random.Next(0x10000);
                }

                return yaml.Insert(at, new string(noise));

            case 7: // invalid UTF-8 bytes decoded as text
                var junk = new byte[1 + random.Next(8)];
                random.NextBytes(junk);
                return yaml.Insert(at, Encoding.UTF8.GetString(junk));

            case 8: // deep flow nesting
                return yaml.Insert(at, new string(random.Next(2) == 0 ? '[' : '{', 1 + random.Next(20_000)));

            case 9: // deep block nesting ("- - - x"): at a line's indentation, or as a new top-level key (always well-formed)
                var depth = random.Next(8) == 0 ? 1 + random.Next(100_000) : 1 + random.Next(100);
                var nest = new StringBuilder().Insert(0, "- ", depth).Append('x').ToString();
                if (random.Next(2) == 0)
                {
                    return yaml + "\nnested:\n" + nest + "\n";
                }

                lines.Insert(line, new string(' ', lines[line].Length - lines[line].TrimStart(' ').Length) + nest);
                return string.Join('\n', lines);

            case 10: // change a line's indentation
                var trimmed = lines[line].TrimStart(' ');
                lines[line] = new string(' ', random.Next(12)) + trimmed;
                return string.Join('\n', lines);

            default: // swap two lines
                var other = random.Next(lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return string.Join('\n', lines);
        }
    }

    private static string Excerpt(string yaml) =>
        yaml.Length <= 2_000 ? yaml : string.Create(CultureInfo.InvariantCulture, $"{yaml[..2_000]}… ({yaml.Length} characters)");

    private sealed class ConstantSeriesReader : IPriceSeriesReader
    {
        public IReadOnlyList<double> ReadPrices(string path, string? column) => [20, 35, -5, 5000];
    }
}
