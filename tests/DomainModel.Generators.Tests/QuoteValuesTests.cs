using System;
using System.Linq;
using CsCheck;
using DomainModel.Generators.Grounding;
using DomainModel.Generators.Model;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>
/// The rules by which a quote states a typed value (docs/schema-language.md, "Values checked against their
/// quotes"): each rule with cases that must match and cases that must not, then hostile text.
/// </summary>
public class QuoteValuesTests
{
    private static StatedValue N(decimal value) => StatedValue.Number(value);

    private static StatedValue P(decimal value) => StatedValue.Percent(value);

    private static StatedValue M(decimal amount, string currency) => StatedValue.Money(amount, currency);

    private static StatedValue D(int year, int month = 0, int day = 0) => StatedValue.Date(year, month, day);

    private static void Stated(StatedValue value, params string[] texts) =>
        Assert.True(QuoteValues.IsStated(value, texts), $"{value} should be stated by: {string.Join(" | ", texts)}");

    private static void NotStated(StatedValue value, params string[] texts) =>
        Assert.False(QuoteValues.IsStated(value, texts), $"{value} should not be stated by: {string.Join(" | ", texts)}");

    // ---- Numbers in digits ----------------------------------------------------------------------

    [Theory]
    [InlineData("killing 347 people", 347)]
    [InlineData("displacing 12,000 residents", 12000)]
    [InlineData("claimed over 500,000 lives", 500000)]
    [InlineData("exactly 1,000,000 votes", 1000000)]
    [InlineData("a 21-gun salute", 21)]
    [InlineData("under 24-hour protection", 24)]
    [InlineData("Al-Sharaa, 44, entered", 44)]
    [InlineData("a Russian Ilyushin Il-76 aircraft", 76)]
    [InlineData("abuses pre-2024", 2024)]
    [InlineData("a growth of 2.5 points", 2.5)]
    [InlineData("a value of 0.75", 0.75)]
    [InlineData("between 10 and 15 days", 15)]
    [InlineData("1000 and 100", 100)]
    [InlineData("(-5) or -5 degrees", -5)]
    [InlineData("in 2016.", 2016)]
    [InlineData("12, 13 and 14", 13)]
    public void A_number_in_digits_states_its_value(string text, double value) => Stated(N((decimal)value), text);

    [Theory]
    [InlineData("1000 people", 100)] // never inside a longer number
    [InlineData("1000 people", 10)]
    [InlineData("killing 347 people", 34)]
    [InlineData("killing 347 people", 3470)]
    [InlineData("displacing 12,000 residents", 12)]
    [InlineData("displacing 12,000 residents", 0)]
    [InlineData("a growth of 2.5 points", 2)]
    [InlineData("a growth of 2.5 points", 5)]
    [InlineData("a growth of 2.5 points", 25)]
    [InlineData("an Airbus A320", 320)] // digits inside a word
    [InlineData("an Airbus A320neo", 320)]
    [InlineData("the 5G network", 5)]
    [InlineData("the 21st century", 21)] // ordinals are not counts
    [InlineData("fell to -5 degrees", 5)]
    [InlineData("the 2015-2016 season", -2016)]
    [InlineData("a .5 rise", 5)]
    [InlineData("no public appearances", 0)] // "no" is not read as zero
    public void A_number_in_digits_states_no_other_value(string text, double value) => NotStated(N((decimal)value), text);

    [Fact]
    public void Grouping_is_by_commas_in_threes_and_the_point_is_decimal()
    {
        Stated(N(1000000), "1,000,000");
        Stated(N(1234.5m), "1,234.5");
        Stated(N(1000000), "1000000");

        // "1.000.000" (a point between groups) and "1,00" are not read at all: neither a million nor one.
        foreach (var text in new[] { "1.000.000", "1,00", "5,000,00", "1.2.3", "1,2,3", "1,0000" })
        {
            Assert.Empty(QuoteValues.Mentions(text));
        }

        NotStated(N(1000000), "1.000.000");
        NotStated(N(1), "1.000.000");
        NotStated(N(100), "1,00");
        NotStated(N(1), "1,00");

        // A group of four digits is no grouping; spaces do not group.
        NotStated(N(10000), "10,0000");
        NotStated(N(13000), "13 000");
    }

    // ---- Scale words ----------------------------------------------------------------------------

    [Theory]
    [InlineData("displaced 13 million people", 13000000)]
    [InlineData("a $2.5 billion credit line", 2500000000)]
    [InlineData("estimated at $400 billion", 400000000000)]
    [InlineData("1.5 billion", 1500000000)]
    [InlineData("1.5-billion", 1500000000)]
    [InlineData("3 hundred", 300)]
    [InlineData("2.5bn", 2500000000)]
    [InlineData("4 tn", 4000000000000)]
    [InlineData("$100m", 100000000)]
    [InlineData("€5k", 5000)]
    [InlineData("2 dozen", 24)]
    public void A_scale_word_multiplies(string text, double value) => Stated(N((decimal)value), text);

    [Theory]
    [InlineData("displaced 13 million people", 13)]
    [InlineData("a $2.5 billion credit line", 2.5)]
    [InlineData("100m sprint", 100000000)] // "m" and "k" are scales only after a currency
    [InlineData("100m sprint", 100)]
    [InlineData("5k run", 5000)]
    [InlineData("hundreds of people", 100)]
    [InlineData("thousands of people", 1000)]
    [InlineData("millions", 1000000)]
    public void A_scale_word_states_no_other_value(string text, double value) => NotStated(N((decimal)value), text);

    // ---- Numbers in words -----------------------------------------------------------------------

    [Theory]
    [InlineData("and seven security forces", 7)]
    [InlineData("Seven died", 7)]
    [InlineData("SEVEN", 7)]
    [InlineData("over six decades", 6)]
    [InlineData("over three hours", 3)]
    [InlineData("seventeen", 17)]
    [InlineData("twenty-one guns", 21)]
    [InlineData("twenty one guns", 21)]
    [InlineData("three hundred and forty-seven", 347)]
    [InlineData("three hundred forty-seven", 347)]
    [InlineData("twelve thousand residents", 12000)]
    [InlineData("one million visitors", 1000000)]
    [InlineData("a million visitors", 1000000)]
    [InlineData("a hundred times", 100)]
    [InlineData("two million three hundred thousand", 2300000)]
    [InlineData("a dozen villages", 12)]
    [InlineData("two dozen villages", 24)]
    [InlineData("zero casualties", 0)]
    [InlineData("one of two bases", 2)]
    public void A_number_in_words_states_its_value(string text, double value) => Stated(N((decimal)value), text);

    [Theory]
    [InlineData("seventeen", 7)]
    [InlineData("seventeen", 10)]
    [InlineData("seventh", 7)] // ordinal words are not counts
    [InlineData("a car", 1)]
    [InlineData("dozens of villages", 12)] // vague plurals state no number
    [InlineData("twenty-one guns", 20)]
    [InlineData("twenty-one guns", 1)]
    [InlineData("three hundred and forty-seven", 300)]
    [InlineData("three hundred and forty-seven", 47)]
    [InlineData("someone", 1)]
    [InlineData("often", 10)]
    public void A_number_in_words_states_no_other_value(string text, double value) => NotStated(N((decimal)value), text);

    [Fact]
    public void Number_words_that_do_not_form_one_number_are_read_one_by_one()
    {
        Assert.Equal(new[] { 1m, 2m }, QuoteValues.Mentions("one two").Select(m => m.Value));
        Assert.Equal(new[] { 20m, 30m }, QuoteValues.Mentions("twenty thirty").Select(m => m.Value));
        Assert.Equal(new[] { 1000m }, QuoteValues.Mentions("a thousand thousand").Select(m => m.Value)); // scales must decrease
    }

    // ---- Percents -------------------------------------------------------------------------------

    [Theory]
    [InlineData("with 78% voter turnout", 78)]
    [InlineData("with 78 % voter turnout", 78)]
    [InlineData("78 percent", 78)]
    [InlineData("78-percent", 78)]
    [InlineData("78 per cent", 78)]
    [InlineData("seventy-eight percent", 78)]
    [InlineData("hover at 20% capacity", 20)]
    [InlineData("0.5%", 0.5)]
    [InlineData("٪78 or 78٪", 78)]
    public void A_percent_needs_its_sign_or_word(string text, double value) => Stated(P((decimal)value), text);

    [Theory]
    [InlineData("78 voters", 78)]
    [InlineData("78% voter turnout", 7)]
    [InlineData("78% voter turnout", 8)]
    [InlineData("0.78", 78)]
    [InlineData("178%", 78)]
    [InlineData("a .5% rise", 5)]
    [InlineData("percent 78", 78)]
    public void A_percent_is_not_stated_by_a_bare_number(string text, double value) => NotStated(P((decimal)value), text);

    [Fact]
    public void A_percent_is_also_a_number()
    {
        // Integer, decimal and quantity fields look for any number of their value, whatever it counts.
        Stated(N(78), "78% voter turnout");
        Stated(N(100000000), "$100 million");
    }

    // ---- Money ----------------------------------------------------------------------------------

    [Theory]
    [InlineData("lease long-term for $100 million annually", 100000000, "USD")]
    [InlineData("MOUs worth $1.2 billion", 1200000000, "USD")]
    [InlineData("US$ 5", 5, "USD")]
    [InlineData("US$5", 5, "USD")]
    [InlineData("C$5", 5, "CAD")]
    [InlineData("€2.5bn", 2500000000, "EUR")]
    [InlineData("£3 million", 3000000, "GBP")]
    [InlineData("₽500", 500, "RUB")]
    [InlineData("5 million rubles", 5000000, "RUB")]
    [InlineData("5 million roubles", 5000000, "RUB")]
    [InlineData("100 million USD", 100000000, "USD")]
    [InlineData("USD 100 million", 100000000, "USD")]
    [InlineData("USD100", 100, "USD")]
    [InlineData("100 Syrian pounds", 100, "SYP")]
    [InlineData("1.2 billion dollars", 1200000000, "USD")]
    [InlineData("$100 CAD", 100, "CAD")]
    [InlineData("seven hundred euros", 700, "EUR")]
    public void Money_needs_its_amount_and_currency(string text, double amount, string currency) => Stated(M((decimal)amount, currency), text);

    [Theory]
    [InlineData("lease long-term for $100 million annually", 200000000, "USD")]
    [InlineData("lease long-term for $100 million annually", 100000000, "EUR")]
    [InlineData("lease long-term for $100 million annually", 100, "USD")]
    [InlineData("100 million", 100000000, "USD")] // no currency written
    [InlineData("C$5", 5, "USD")]
    [InlineData("X$5", 5, "USD")] // an unknown dollar
    [InlineData("100 pounds", 100, "GBP")] // "pounds" alone may weigh
    [InlineData("$100 CAD", 100, "USD")]
    [InlineData("€100 USD", 100, "USD")] // two currencies: unknown
    [InlineData("€100 USD", 100, "EUR")]
    [InlineData("100 All", 100, "ALL")] // a code is written in capitals
    [InlineData("100 usd", 100, "USD")]
    public void Money_is_not_stated_by_another_amount_or_currency(string text, double amount, string currency) => NotStated(M((decimal)amount, currency), text);

    // ---- Dates ----------------------------------------------------------------------------------

    [Theory]
    [InlineData("MOSCOW, October 15, 2025 – In a landmark")]
    [InlineData("on 15 October 2025")]
    [InlineData("on Oct. 15, 2025")]
    [InlineData("on Oct 15 2025")]
    [InlineData("on October 15th, 2025")]
    [InlineData("on 15th of October 2025")]
    [InlineData("OCTOBER 15, 2025")]
    [InlineData("dated 2025-10-15 in the note")]
    public void A_day_is_stated_with_its_day_month_and_year(string text)
    {
        Stated(D(2025, 10, 15), text);
        Stated(D(2025, 10), text); // a day also states its month and year
        Stated(D(2025), text);
        NotStated(D(2025, 10, 16), text);
        NotStated(D(2025, 11, 15), text);
        NotStated(D(2024, 10, 15), text);
        NotStated(D(2024), text);
    }

    [Fact]
    public void A_date_without_its_year_needs_the_year_in_one_of_the_texts()
    {
        Stated(D(2025, 3, 15), "intervention on March 15.", "Earlier this year, in March 2025");
        Stated(D(2025, 3, 15), "on Mar. 15 of 2025"); // the year in the same text
        NotStated(D(2025, 3, 15), "intervention on March 15.");
        NotStated(D(2025, 3, 15), "intervention on March 15.", "in 2024");
        Stated(D(2025, 12), "slated for Sochi in December", "resolved to December 2025");
        NotStated(D(2025, 12), "slated for Sochi in December");
        NotStated(D(2025, 12, 1), "slated for Sochi in December", "in 2025");
    }

    [Fact]
    public void A_month_is_stated_by_the_month_and_year()
    {
        Stated(D(2025, 7), "in Syria’s landmark July 2025 elections");
        Stated(D(2025, 7), "in Jul. 2025");
        Stated(D(2025, 7), "2025-07");
        Stated(D(2024, 12), "on December 8, 2024");
        NotStated(D(2025, 7, 1), "in July 2025"); // not more precise than the text
        NotStated(D(2025, 8), "in July 2025");
        NotStated(D(2025, 13), "2025-13");
        Assert.DoesNotContain(QuoteValues.Mentions("2025-13"), m => m.Precision == DatePrecision.Month);
    }

    [Fact]
    public void A_year_is_stated_by_four_digits_or_by_any_date_in_it()
    {
        Stated(D(2016), "destroyed in 2016 battles");
        Stated(D(2016), "in 2016.");
        Stated(D(2024), "abuses pre-2024");
        Stated(D(2030), "yearly by 2030");
        Stated(D(2024), "in December 2024");
        NotStated(D(2016, 1), "destroyed in 2016 battles");
        NotStated(D(2016), "20,16");
        NotStated(D(2016), "20160");
        NotStated(D(2016), "$2016");
        NotStated(D(2016), "2,016");
    }

    [Fact]
    public void A_decade_is_stated_only_as_a_decade()
    {
        Stated(StatedValue.Decade(1950), "military ties with Damascus in the 1950s");
        Stated(StatedValue.Decade(1970), "the 1970s");
        Stated(StatedValue.Decade(1970), "the 1970's");
        Stated(StatedValue.Decade(1970), "the 1970’s");
        NotStated(StatedValue.Decade(1970), "in 1970");
        NotStated(D(1970), "the 1970s");
        NotStated(N(1970), "the 1970s");
        NotStated(StatedValue.Decade(1970), "the ’70s"); // no century
        NotStated(StatedValue.Decade(1970), "the 1975s");
        NotStated(StatedValue.Decade(1960), "the 1970s");
    }

    [Fact]
    public void Month_names_are_capitalized_words_and_May_alone_is_no_month()
    {
        NotStated(D(2025, 5), "it may rain", "in 2025");
        NotStated(D(2025, 5), "in May", "in 2025");
        Stated(D(2025, 5), "in May 2025");
        Stated(D(2025, 5, 2), "on May 2, 2025");
        NotStated(D(2025, 3, 15), "they march 15 miles", "in 2025");
        NotStated(D(2025, 10), "Octopus 2025");
        NotStated(D(2025, 10, 15), "on Wednesday", "October 2025"); // weekdays are not resolved
    }

    [Fact]
    public void Impossible_days_state_no_day()
    {
        Stated(D(2024, 2, 29), "February 29, 2024");
        NotStated(D(2025, 2, 28), "February 29, 2025");
        Assert.DoesNotContain(QuoteValues.Mentions("February 29, 2025"), m => m.Precision == DatePrecision.Day);
        Assert.DoesNotContain(QuoteValues.Mentions("April 31"), m => m.Precision == DatePrecision.Day);
        Assert.DoesNotContain(QuoteValues.Mentions("2025-02-30"), m => m.Precision == DatePrecision.Day);
    }

    // ---- Qualifier cues -------------------------------------------------------------------------

    [Theory]
    [InlineData("claimed over 500,000 lives", "more-than")]
    [InlineData("for more than 80 years", "more-than")]
    [InlineData("at least 3 hours", "at-least")]
    [InlineData("50 or more clinics", "at-least")]
    [InlineData("up to 50 clinics", "at-most")]
    [InlineData("fewer than 50 clinics", "less-than")]
    [InlineData("about $3 billion", "about")]
    [InlineData("nearly seven hundred", "about")]
    [InlineData("killing 347 people", null)]
    [InlineData("under 24-hour protection", null)] // a compound modifier, not a bound
    [InlineData("under 24 hours", "less-than")]
    public void The_wording_before_a_number_gives_its_qualifier(string text, string? qualifier) =>
        Assert.Equal(qualifier, QuoteValues.Mentions(text).First(m => !m.IsDate).Qualifier);

    // ---- Hostile text ---------------------------------------------------------------------------

    [Fact]
    public void Digits_of_other_scripts_are_read_when_one_script_writes_the_whole_number()
    {
        Stated(N(100), "١٠٠ شخص"); // Arabic-Indic
        Stated(N(12), "१२ लोग"); // Devanagari
        Stated(N(100), "１００"); // fullwidth
        Stated(N(1500), "۱,۵۰۰"); // Extended Arabic-Indic, grouped

        // Mixed scripts: nothing is read, no part of it either.
        Assert.Empty(QuoteValues.Mentions("1٠0"));
        NotStated(N(100), "1٠0");
        NotStated(N(1), "1٠0");
        NotStated(N(0), "1٠0");
        NotStated(N(10), "1٠0");
    }

    [Fact]
    public void Huge_numbers_are_not_read_and_never_throw()
    {
        var huge = new string('9', 40);
        Assert.Empty(QuoteValues.Mentions(huge));
        Assert.Empty(QuoteValues.Mentions("99999999999999999999999999999")); // 29 digits: more than a decimal holds exactly
        Assert.Empty(QuoteValues.Mentions("$" + new string('9', 28) + " trillion"));
        Assert.Empty(QuoteValues.Mentions("0." + new string('0', 30) + "1"));
        Stated(N(9999999999999999999999999999m), new string('9', 28));
        Assert.Empty(QuoteValues.Mentions("10,000,000,000,000,000,000,000,000,000"));

        var many = string.Join(", ", Enumerable.Repeat("nine hundred ninety-nine trillion", 200));
        Assert.All(QuoteValues.Mentions(many), m => Assert.Equal(999_000_000_000_000m, m.Value));
    }

    [Fact]
    public void Long_hostile_texts_are_read_in_linear_time()
    {
        // Would take far longer than the test runner's patience if any rule backtracked or rescanned.
        var texts = new[]
        {
            new string('1', 200_000),
            string.Concat(Enumerable.Repeat("1,", 100_000)),
            string.Concat(Enumerable.Repeat("1.", 100_000)),
            string.Concat(Enumerable.Repeat("a1", 100_000)),
            string.Concat(Enumerable.Repeat("$-", 100_000)),
            string.Concat(Enumerable.Repeat("twenty-", 50_000)),
            string.Concat(Enumerable.Repeat("October ", 50_000)),
            string.Concat(Enumerable.Repeat("2025-", 50_000)),
            new string('a', 200_000) + "1",
            string.Concat(Enumerable.Repeat("\uD835\uDFCF", 50_000)), // mathematical digits outside the BMP
        };

        foreach (var text in texts)
        {
            _ = QuoteValues.Mentions(text);
        }
    }

    [Fact]
    public void Any_text_is_read_without_throwing_and_every_mention_lies_within_it()
    {
        // Characters the rules care about, mixed at random with letters and digits of several scripts.
        // (Lone halves of a surrogate pair included.)
        const string alphabet = "0123456789,.-−%$€£₽ aAmMkKs'’()\u0660\u0665\uFF11\uD835\uDFCF";
        var words = new[] { "seven", "hundred", "and", "a", "dozen", "million", "October", "May", "15", "2025", "over", "percent", "USD", "rubles", "1950s", "-", "," };
        Gen.Int[0, alphabet.Length + words.Length - 1].Array[0, 60].Sample(picks =>
        {
            var text = string.Concat(picks.Select(p => p < alphabet.Length ? alphabet[p].ToString() : " " + words[p - alphabet.Length] + " "));
            foreach (var m in QuoteValues.Mentions(text))
            {
                Assert.InRange(m.Start, 0, text.Length);
                Assert.InRange(m.End, m.Start + 1, text.Length);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Every_integer_written_plainly_or_grouped_is_stated_and_its_neighbours_are_not()
    {
        Gen.Select(Gen.Long[0, 999_999_999_999], Gen.Bool).Sample((n, grouped) =>
        {
            var written = n.ToString(grouped ? "N0" : "D", System.Globalization.CultureInfo.InvariantCulture);
            var text = $"reported {written} people";
            Stated(N(n), text);
            NotStated(N(n + 1), text);
            NotStated(N(n * 10), text);
            if (n >= 10)
            {
                NotStated(N(n / 10), text);
            }
        }, iter: 5_000);
    }

    [Fact]
    public void Characters_outside_the_basic_plane_are_part_of_a_word()
    {
        NotStated(N(100), "\uD835\uDFCF00"); // 𝟏00: a mathematical digit then "00"
        NotStated(N(0), "\uD835\uDFCF00");
        Stated(N(7), "🔥 7 🔥");
    }

    [Fact]
    public void Overlapping_readings_each_count()
    {
        // "October 15, 2025" states a day, a month, a year and the numbers 15 and 2025.
        var mentions = QuoteValues.Mentions("October 15, 2025");
        Assert.Contains(mentions, m => m.Precision == DatePrecision.Day);
        Assert.Contains(mentions, m => m.Precision == DatePrecision.Year && m.Year == 2025);
        Stated(N(15), "October 15, 2025");

        // "2025-10-15" is not a subtraction: no negative number.
        Assert.DoesNotContain(QuoteValues.Mentions("2025-10-15"), m => m.Value < 0);
    }

    [Fact]
    public void Find_names_the_first_text_and_the_words_that_state_the_value()
    {
        var texts = new[] { "Follow-up visits", "killing 347 people—212 Druze, 128 Bedouins, and seven security forces" };
        Assert.Equal(1, QuoteValues.Find(N(7), texts, out var match));
        Assert.Equal("seven", texts[1].Substring(match!.Start, match.End - match.Start));
        Assert.Equal(-1, QuoteValues.Find(N(8), texts, out match));
        Assert.Null(match);

        Assert.Equal(0, QuoteValues.Find(M(100000000, "USD"), new[] { "for $100 million annually" }, out match));
        Assert.Equal("$100 million", "for $100 million annually".Substring(match!.Start, match.End - match.Start));
    }

    // ---- Canonical values -----------------------------------------------------------------------

    [Theory]
    [InlineData(nameof(ScalarType.Integer), "347", "347")]
    [InlineData(nameof(ScalarType.Decimal), "2.5", "2.5")]
    [InlineData(nameof(ScalarType.Percent), "78", "78%")]
    [InlineData(nameof(ScalarType.Money), "100000000 USD", "100000000 USD")]
    [InlineData(nameof(ScalarType.Quantity), "500000 3 lives", "500000")]
    [InlineData(nameof(ScalarType.Date), "2025-10-15", "2025-10-15")]
    [InlineData(nameof(ScalarType.Date), "2025-07", "2025-07")]
    [InlineData(nameof(ScalarType.Date), "2016", "2016")]
    [InlineData(nameof(ScalarType.Date), "195X", "the 1950s")]
    public void Canonical_field_text_becomes_a_stated_value(string type, string canonical, string shown)
    {
        Assert.True(StatedValue.TryFromCanonical(Enum.Parse<ScalarType>(type), canonical, out var value));
        Assert.Equal(shown, value.ToString());
    }

    [Theory]
    [InlineData(nameof(ScalarType.String), "347")]
    [InlineData(nameof(ScalarType.Boolean), "true")]
    [InlineData(nameof(ScalarType.Enum), "1")]
    [InlineData(nameof(ScalarType.Reference), "3")]
    [InlineData(nameof(ScalarType.Date), "20251")]
    [InlineData(nameof(ScalarType.Money), "USD")]
    public void Other_types_and_text_are_not_looked_for(string type, string canonical) =>
        Assert.False(StatedValue.TryFromCanonical(Enum.Parse<ScalarType>(type), canonical, out _));
}
