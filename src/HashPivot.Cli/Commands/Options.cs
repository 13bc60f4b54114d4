using System.CommandLine;
using System.CommandLine.Parsing;

namespace HashPivot.Cli.Commands;

/// <summary>Option factories shared by commands, with validation so bad numbers exit 2 before any work.</summary>
internal static class Options
{
    public static Option<double> PositiveNumber(string name, string description, bool required = true, double? defaultValue = null)
    {
        var option = new Option<double>(name) { Description = description, Required = required && defaultValue is null };
        if (defaultValue is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }

        option.Validators.Add(result => RequireFinite(result, name, allowZero: false));
        return option;
    }

    public static Option<double> NonNegativeNumber(string name, string description, double defaultValue)
    {
        var option = new Option<double>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result => RequireFinite(result, name, allowZero: true));
        return option;
    }

    /// <summary>An optional number (null when absent) that must be finite and not negative, or positive when <paramref name="allowZero"/> is false.</summary>
    public static Option<double?> OptionalNumber(string name, string description, bool allowZero = true)
    {
        var option = new Option<double?>(name) { Description = description };
        option.Validators.Add(result => RequireFinite(result, name, allowZero));
        return option;
    }

    /// <summary>
    /// An instant option read as UTC when it carries no offset (2024-08-01 means 00:00 UTC): results must not depend on
    /// the zone of the machine they run on.
    /// </summary>
    public static Option<DateTimeOffset?> UtcInstant(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var value))
            {
                return value;
            }

            result.AddError($"{name} must be a date or ISO-8601 instant, got '{text}'.");
            return null;
        },
    };

    /// <summary>
    /// The number the user typed for a numeric option, for range checks; false when none was typed or the text is not a number. Text
    /// that is not a number is the option's converter's to report (exit 2): a check must not read the value then, reading it throws.
    /// </summary>
    public static bool TryTypedNumber(OptionResult result, out double value)
    {
        value = 0;
        return result.Tokens.Count > 0
            && double.TryParse(result.Tokens[0].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    private static void RequireFinite(OptionResult result, string name, bool allowZero)
    {
        if (!TryTypedNumber(result, out var value))
        {
            return;
        }

        if (!double.IsFinite(value) || value < 0 || (!allowZero && value == 0))
        {
            result.AddError($"{name} must be a {(allowZero ? "non-negative" : "positive")} finite number, got '{result.Tokens[0].Value}'.");
        }
    }
}
