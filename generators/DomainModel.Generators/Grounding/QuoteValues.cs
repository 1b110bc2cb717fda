using System;
using System.Collections.Generic;
using System.Globalization;

namespace DomainModel.Generators.Grounding;

/// <summary>
/// A number or a date that a text states, at <see cref="Start"/>..<see cref="End"/> (characters). A number
/// has its <see cref="Value"/> (scale words applied: "$1.2 billion" is 1200000000), whether it is a percent,
/// its <see cref="Currency"/> (an ISO 4217 code; "?" when a currency is written but not known) and the
/// quantity qualifier its wording implies ("over 500,000": more-than). A date has a
/// <see cref="Precision"/>; its <see cref="Year"/> is 0 when the text gives no year ("March 15", "in December").
/// </summary>
internal sealed record Mention(int Start, int End, decimal Value, bool IsPercent, string? Currency, string? Qualifier, int Year, int Month, int Day, DatePrecision Precision)
{
    public bool IsDate => Precision != DatePrecision.None;
}

/// <summary>
/// Whether a quote states a typed value: the numbers and dates a text states, read by the rules of
/// docs/schema-language.md ("Values checked against their quotes"), and the search of a value among them.
/// Pure, culture-independent and linear in the length of the text; it never throws on any input.
/// </summary>
internal static class QuoteValues
{
    private static readonly string[] s_monthNames =
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    private static readonly Dictionary<string, int> s_monthAbbreviations = new(StringComparer.Ordinal)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["jun"] = 6, ["jul"] = 7, ["aug"] = 8,
        ["sep"] = 9, ["sept"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    private static readonly Dictionary<string, int> s_numberWords = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>Scale words after a number; "dozen" multiplies by 12.</summary>
    private static readonly Dictionary<string, decimal> s_scales = new(StringComparer.Ordinal)
    {
        ["hundred"] = 100m, ["thousand"] = 1_000m, ["million"] = 1_000_000m, ["billion"] = 1_000_000_000m,
        ["trillion"] = 1_000_000_000_000m, ["bn"] = 1_000_000_000m, ["mn"] = 1_000_000m, ["tn"] = 1_000_000_000_000m,
        ["dozen"] = 12m,
    };

    /// <summary>Scales written straight after the digits ("2.5bn"); "k" and "m" only after a currency ("$100m", not "100m").</summary>
    private static readonly Dictionary<string, decimal> s_attachedScales = new(StringComparer.Ordinal)
    {
        ["bn"] = 1_000_000_000m, ["mn"] = 1_000_000m, ["tn"] = 1_000_000_000_000m, ["k"] = 1_000m, ["m"] = 1_000_000m,
    };

    /// <summary>Currency symbols before a number. "$" alone is USD; a prefix names other dollars (see <see cref="s_dollarPrefixes"/>).</summary>
    private static readonly Dictionary<char, string> s_symbols = new()
    {
        ['$'] = "USD", ['€'] = "EUR", ['£'] = "GBP", ['¥'] = "JPY", ['₽'] = "RUB", ['₹'] = "INR", ['₺'] = "TRY",
        ['₪'] = "ILS", ['₩'] = "KRW", ['₴'] = "UAH",
    };

    private static readonly Dictionary<string, string> s_dollarPrefixes = new(StringComparer.Ordinal)
    {
        ["US"] = "USD", ["C"] = "CAD", ["CA"] = "CAD", ["A"] = "AUD", ["AU"] = "AUD", ["NZ"] = "NZD", ["HK"] = "HKD",
        ["S"] = "SGD", ["R"] = "BRL", ["Mex"] = "MXN",
    };

    /// <summary>Currency words after a number (lower case). "pounds" alone is not one: it may be a weight.</summary>
    private static readonly Dictionary<string, string> s_currencyWords = new(StringComparer.Ordinal)
    {
        ["dollar"] = "USD", ["dollars"] = "USD", ["euro"] = "EUR", ["euros"] = "EUR", ["ruble"] = "RUB", ["rubles"] = "RUB",
        ["rouble"] = "RUB", ["roubles"] = "RUB", ["yen"] = "JPY", ["yuan"] = "CNY", ["renminbi"] = "CNY", ["rupee"] = "INR",
        ["rupees"] = "INR", ["lira"] = "TRY", ["liras"] = "TRY", ["shekel"] = "ILS", ["shekels"] = "ILS", ["riyal"] = "SAR",
        ["riyals"] = "SAR", ["dirham"] = "AED", ["dirhams"] = "AED",
    };

    /// <summary>Two-word currency names after a number (lower case, one space).</summary>
    private static readonly Dictionary<string, string> s_currencyPairs = new(StringComparer.Ordinal)
    {
        ["us dollars"] = "USD", ["canadian dollars"] = "CAD", ["australian dollars"] = "AUD", ["syrian pounds"] = "SYP",
        ["egyptian pounds"] = "EGP", ["lebanese pounds"] = "LBP", ["pounds sterling"] = "GBP", ["british pounds"] = "GBP",
        ["turkish lira"] = "TRY", ["russian rubles"] = "RUB", ["russian roubles"] = "RUB", ["syrian pound"] = "SYP",
    };

    /// <summary>Words before a number and the quantity qualifier they imply (one or two words, lower case).</summary>
    private static readonly Dictionary<string, string> s_cues = new(StringComparer.Ordinal)
    {
        ["over"] = "more-than", ["above"] = "more-than", ["more than"] = "more-than", ["in excess of"] = "more-than",
        ["at least"] = "at-least", ["no fewer than"] = "at-least", ["no less than"] = "at-least",
        ["under"] = "less-than", ["below"] = "less-than", ["less than"] = "less-than", ["fewer than"] = "less-than",
        ["at most"] = "at-most", ["up to"] = "at-most", ["no more than"] = "at-most",
        ["about"] = "about", ["around"] = "about", ["approximately"] = "about", ["roughly"] = "about", ["some"] = "about",
        ["nearly"] = "about", ["almost"] = "about", ["circa"] = "about", ["an estimated"] = "about", ["exactly"] = "exact",
    };

    /// <summary>The last word of each cue in <see cref="s_cues"/>.</summary>
    private static readonly HashSet<string> s_cueLastWords = LastWords(s_cues.Keys);

    private static HashSet<string> LastWords(IEnumerable<string> phrases)
    {
        var last = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in phrases)
        {
            last.Add(phrase.Substring(phrase.LastIndexOf(' ') + 1));
        }

        return last;
    }

    /// <summary>The numbers and dates <paramref name="text"/> states, in text order (a date's parts also count as numbers).</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static List<Mention> Mentions(string text)
    {
        var tokens = Tokenize(text);
        var mentions = new List<Mention>();
        var wordsRead = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Word && tokens[i].MayStartNumber && i > wordsRead && NumberWords(text, tokens, i, out var words, out var last))
            {
                AddNumber(text, tokens, i, last, words, mentions);
                wordsRead = last;
            }
            else if (tokens[i].Kind == TokenKind.Number)
            {
                NumberAt(text, tokens, i, mentions);
            }

            DateAt(text, tokens, i, mentions);
        }

        // In text order; of readings that start together, the longest first ("October 15, 2025" before "October").
        mentions.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return mentions;
    }

    /// <summary>
    /// The index of the first of <paramref name="texts"/> that states <paramref name="value"/> (and the mention
    /// that does), or -1. A date written without its year ("March 15") states a date of that year when one of
    /// the texts gives the year.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static int Find(StatedValue value, IReadOnlyList<string> texts, out Mention? match)
    {
        var all = new List<Mention>[texts.Count];
        for (var t = 0; t < texts.Count; t++)
        {
            all[t] = Mentions(texts[t]);
        }

        return Find(value, all, out match);
    }

    /// <summary><see cref="Find(StatedValue, IReadOnlyList{string}, out Mention)"/> over texts already read by <see cref="Mentions"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static int Find(StatedValue value, List<Mention>[] mentions, out Mention? match)
    {
        for (var t = 0; t < mentions.Length; t++)
        {
            var read = mentions[t];
            for (var k = 0; k < read.Count; k++)
            {
                if (States(read[k], value, mentions))
                {
                    match = read[k];
                    return t;
                }
            }
        }

        match = null;
        return -1;
    }

    /// <summary>True when one of <paramref name="texts"/> states <paramref name="value"/> (see <see cref="Find(StatedValue, IReadOnlyList{string}, out Mention)"/>).</summary>
    public static bool IsStated(StatedValue value, params string[] texts) => Find(value, texts, out _) >= 0;

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool States(Mention m, StatedValue value, List<Mention>[] texts)
    {
        switch (value.Kind)
        {
            case StatedKind.Number:
                return !m.IsDate && m.Value == value.Amount;
            case StatedKind.Percent:
                return !m.IsDate && m.IsPercent && m.Value == value.Amount;
            case StatedKind.Money:
                return !m.IsDate && m.Currency == value.Currency && m.Value == value.Amount;
            default:
                if (!m.IsDate)
                {
                    return false;
                }

                if (value.Precision == DatePrecision.Decade)
                {
                    return m.Precision == DatePrecision.Decade && m.Year == value.Year;
                }

                if (m.Precision == DatePrecision.Decade || m.Precision < value.Precision)
                {
                    return false;
                }

                var yearStated = m.Year == value.Year || (m.Year == 0 && value.Precision >= DatePrecision.Month && GivesYear(texts, value.Year));
                return yearStated
                    && (value.Precision < DatePrecision.Month || m.Month == value.Month)
                    && (value.Precision < DatePrecision.Day || m.Day == value.Day);
        }
    }

    /// <summary>True when one of the texts states a date in <paramref name="year"/> (a year, a month or a day of it).</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool GivesYear(List<Mention>[] texts, int year)
    {
        for (var t = 0; t < texts.Length; t++)
        {
            var mentions = texts[t];
            for (var k = 0; k < mentions.Count; k++)
            {
                if (mentions[k].Precision is DatePrecision.Year or DatePrecision.Month or DatePrecision.Day && mentions[k].Year == year)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // ---- Tokens -------------------------------------------------------------------------------

    private enum TokenKind
    {
        Word,
        Number,

        /// <summary>Digits that state nothing: part of a word ("A320"), ill-formed ("1.000.000"), too long.</summary>
        Unread,

        /// <summary>One character that is neither a letter nor a digit nor white space.</summary>
        Symbol,
    }

    private enum Suffix
    {
        None,
        Ordinal,
        Decade,
        Scale,
    }

    private struct Token
    {
        public TokenKind Kind;
        public int Start;
        public int End;

        /// <summary>A word's or a symbol's text (empty for a number).</summary>
        public string Text;

        /// <summary>A word's text in lower case; a number's attached scale suffix ("bn").</summary>
        public string Lower;

        /// <summary>A word that NumberWords can read a number from: "a" or a number word. NumberWords reads none from any other word.</summary>
        public bool MayStartNumber;

        /// <summary>A number's value (null: too many digits to read).</summary>
        public decimal? Value;

        /// <summary>A number's digit characters, when it has no grouping and no decimal point (else 0).</summary>
        public int PlainDigits;

        public Suffix Suffix;

        /// <summary>An ISO 4217 code written straight before the digits ("USD100").</summary>
        public string? CodePrefix;
    }

    /// <summary>One string per ASCII character, for symbol tokens.</summary>
    private static readonly string[] s_ascii = BuildAscii();

    private static string[] BuildAscii()
    {
        var table = new string[128];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = ((char)c).ToString();
        }

        return table;
    }

    /// <summary>The token list of the text being read, reused by the thread (Mentions does not re-enter).</summary>
    [ThreadStatic]
    private static List<Token>? t_tokens;

    /// <summary>The words read by this thread, kept so that a word met again needs no new strings.</summary>
    [ThreadStatic]
    private static WordCache? t_words;

    /// <summary>
    /// A fixed-size cache of words and their lower case, one entry per hash slot (a word whose slot holds
    /// another word replaces it): the quotes of a corpus repeat their words, and each word read would
    /// otherwise be two new strings. Only where the strings come from changes, never their text.
    /// </summary>
    private sealed class WordCache
    {
        private const int Size = 4096;

        /// <summary>The words, by slot.</summary>
        public readonly Text.StringCache Texts = new(Size);

        /// <summary>Each slot's word in lower case.</summary>
        public readonly string[] Lowers = new string[Size];

        /// <summary>Whether the word can start a number written in words: "a" or a number word (see NumberWords).</summary>
        public readonly bool[] MayStartNumber = new bool[Size];

        /// <summary>The slot that now holds <paramref name="text"/>[<paramref name="start"/>..+<paramref name="length"/>).</summary>
        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        public int Slot(string text, int start, int length)
        {
            var slot = Texts.Slot(text, start, length, out var isNew);
            if (isNew)
            {
                var lower = Texts[slot].ToLowerInvariant();
                Lowers[slot] = lower;
                MayStartNumber[slot] = lower == "a" || s_numberWords.ContainsKey(lower);
            }

            return slot;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static List<Token> Tokenize(string text)
    {
        var tokens = t_tokens ??= new List<Token>();
        tokens.Clear();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWhiteSpace(c))
            {
                i++;
            }
            else if (IsDigit(c))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                // Digits straight after letters are read (or not) as a number token of their own (see ReadNumber).
                var words = t_words ??= new WordCache();
                var slot = words.Slot(text, start, i - start);
                tokens.Add(new Token { Kind = TokenKind.Word, Start = start, End = i, Text = words.Texts[slot], Lower = words.Lowers[slot], MayStartNumber = words.MayStartNumber[slot] });
            }
            else
            {
                var symbol = c < 128 ? s_ascii[c] : text.Substring(i, 1);
                tokens.Add(new Token { Kind = TokenKind.Symbol, Start = i, End = i + 1, Text = symbol, Lower = symbol });
                i++;
            }
        }

        return tokens;
    }

    /// <summary>
    /// Reads <c>digits (',' three digits)* ('.' digits)?</c> in one script, then an allowed suffix. Anything else
    /// touching it (a letter, a digit of another script, another ',' or '.' before a digit) makes the whole run unread.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static Token ReadNumber(string text, ref int i)
    {
        var start = i;
        var zero = text[i] - (int)char.GetNumericValue(text[i]);
        var digits = new Digits();
        var intDigits = ReadDigits(text, ref i, zero, ref digits);
        var lastIntDigit = digits.Last;
        var grouped = false;
        if (intDigits <= 3)
        {
            while (i + 3 < text.Length && text[i] == ',' && IsDigitOf(text, i + 1, zero) && IsDigitOf(text, i + 2, zero) && IsDigitOf(text, i + 3, zero)
                && !(i + 4 < text.Length && IsDigit(text[i + 4])))
            {
                i++; // the comma; then exactly three digits
                intDigits += ReadDigits(text, ref i, zero, ref digits);
                grouped = true;
            }
        }

        var fractionDigits = 0;
        if (i + 1 < text.Length && text[i] == '.' && IsDigitOf(text, i + 1, zero))
        {
            i++;
            fractionDigits = ReadDigits(text, ref i, zero, ref digits);
        }

        var token = new Token { Kind = TokenKind.Number, Start = start, Text = string.Empty, Lower = string.Empty };
        var unread = (i < text.Length && IsDigit(text[i]))
            || (i + 1 < text.Length && text[i] is '.' or ',' && IsDigit(text[i + 1]))
            || (start > 0 && text[start - 1] == '.');
        if (start > 0 && IsWordChar(text[start - 1]))
        {
            token.CodePrefix = CodeBefore(text, start);
            unread |= token.CodePrefix is null;
        }

        if (unread)
        {
            // Skip the whole run of digits, separators between digits and letters, so no part of it is read.
            while (i < text.Length && (IsDigit(text[i]) || IsWordChar(text[i]) || (i + 1 < text.Length && text[i] is '.' or ',' && IsDigit(text[i + 1]))))
            {
                i++;
            }

            token.Kind = TokenKind.Unread;
            token.End = i;
            return token;
        }

        var suffixStart = i;
        while (i < text.Length && IsWordChar(text[i]))
        {
            i++;
        }

        var plain = !grouped && fractionDigits == 0;
        if (i > suffixStart)
        {
            var suffix = text.Substring(suffixStart, i - suffixStart).ToLowerInvariant();
            if (plain && suffix is "st" or "nd" or "rd" or "th")
            {
                token.Suffix = Suffix.Ordinal;
            }
            else if (plain && suffix == "s" && intDigits == 4 && lastIntDigit == 0)
            {
                token.Suffix = Suffix.Decade;
            }
            else if (s_attachedScales.ContainsKey(suffix))
            {
                token.Suffix = Suffix.Scale;
                token.Lower = suffix;
            }
            else
            {
                token.Kind = TokenKind.Unread;
            }
        }
        else if (plain && intDigits == 4 && lastIntDigit == 0 && i + 1 < text.Length && text[i] is '\'' or '’' && text[i + 1] == 's'
            && !(i + 2 < text.Length && IsWordChar(text[i + 2])))
        {
            token.Suffix = Suffix.Decade;
            i += 2;
        }

        token.End = i;
        token.PlainDigits = plain ? intDigits : 0;
        if (intDigits + fractionDigits <= 28)
        {
            token.Value = digits.Value(fractionDigits);
        }

        return token;
    }

    /// <summary>Reads digits of the script whose zero is <paramref name="zero"/> into <paramref name="digits"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static int ReadDigits(string text, ref int i, int zero, ref Digits digits)
    {
        var count = 0;
        while (i < text.Length && IsDigitOf(text, i, zero))
        {
            digits.Add(text[i] - zero);
            i++;
            count++;
        }

        return count;
    }

    /// <summary>The digits of a number read so far, as one integer (up to 28 digits; more are counted, not kept).</summary>
    private struct Digits
    {
        private decimal _mantissa;
        private int _count;

        /// <summary>The last digit added.</summary>
        public int Last;

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        public void Add(int digit)
        {
            Last = digit;
            if (++_count <= 28)
            {
                _mantissa = (_mantissa * 10) + digit;
            }
        }

        /// <summary>The number, the last <paramref name="fractionDigits"/> digits after the point (28 digits at most in all).</summary>
        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        public readonly decimal Value(int fractionDigits)
        {
            var divisor = 1m;
            for (var k = 0; k < fractionDigits; k++)
            {
                divisor *= 10;
            }

            return _mantissa / divisor;
        }
    }

    /// <summary>The ISO 4217 code that is the whole word straight before <paramref name="digitsStart"/> ("USD100"), or null.</summary>
    private static string? CodeBefore(string text, int digitsStart)
    {
        var start = digitsStart;
        while (start > 0 && IsWordChar(text[start - 1]))
        {
            start--;
        }

        if (digitsStart - start != 3 || (start > 0 && IsDigit(text[start - 1])))
        {
            return null;
        }

        var code = text.Substring(start, 3);
        return IsCode(code) ? code : null;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool IsCode(string word) =>
        word.Length == 3 && word[0] is >= 'A' and <= 'Z' && word[1] is >= 'A' and <= 'Z' && word[2] is >= 'A' and <= 'Z'
        && DomainModel.Internal.Currencies.IsValid(word);

    /// <summary>A decimal digit of any script of the Basic Multilingual Plane (Unicode category Nd).</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool IsDigit(char c) => c < 128 ? (s_asciiClasses[c] & AsciiDigit) != 0 : IsUnicodeDigit(c);

    private static bool IsUnicodeDigit(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber;

    private const byte AsciiSpace = 1;
    private const byte AsciiDigit = 2;
    private const byte AsciiWord = 4;

    /// <summary>
    /// For each ASCII character, whether it is white space, a digit or a word character, as the Unicode
    /// rules below say (the table is built from them): quotes are mostly ASCII, read a character at a time.
    /// </summary>
    private static readonly byte[] s_asciiClasses = BuildAsciiClasses();

    private static byte[] BuildAsciiClasses()
    {
        var classes = new byte[128];
        for (var c = (char)0; c < 128; c++)
        {
            classes[c] = (byte)((char.IsWhiteSpace(c) ? AsciiSpace : 0) | (IsUnicodeDigit(c) ? AsciiDigit : 0) | (IsUnicodeWordChar(c) ? AsciiWord : 0));
        }

        return classes;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool IsWhiteSpace(char c) => c < 128 ? (s_asciiClasses[c] & AsciiSpace) != 0 : char.IsWhiteSpace(c);

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool IsDigitOf(string text, int i, int zero) => i < text.Length && IsDigit(text[i]) && text[i] - zero is >= 0 and <= 9;

    /// <summary>Letters, combining marks, and any character outside the Basic Multilingual Plane: a number touching one is part of a word.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool IsWordChar(char c) => c < 128 ? (s_asciiClasses[c] & AsciiWord) != 0 : IsUnicodeWordChar(c);

    private static bool IsUnicodeWordChar(char c) =>
        char.IsLetter(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.LetterNumber;

    // ---- Numbers ------------------------------------------------------------------------------

    /// <summary>A number written in digits at token <paramref name="i"/>, with a scale word or suffix ("1.5 billion", "2.5bn").</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static void NumberAt(string text, List<Token> tokens, int i, List<Mention> mentions)
    {
        var token = tokens[i];
        if (token.Value is not { } value || token.Suffix is Suffix.Ordinal or Suffix.Decade)
        {
            return;
        }

        var last = i;
        if (token.Suffix == Suffix.Scale)
        {
            if (token.Lower is "k" or "m" && token.CodePrefix is null && CurrencyBefore(text, tokens, i, out _) is null)
            {
                return;
            }

            if (!Scale(ref value, s_attachedScales[token.Lower]))
            {
                return;
            }
        }
        else if (Next(text, tokens, last, allowHyphen: true) is var s and >= 0 && tokens[s].Kind == TokenKind.Word
            && s_scales.TryGetValue(tokens[s].Lower, out var scale))
        {
            if (!Scale(ref value, scale))
            {
                return;
            }

            last = s;
        }

        if (Minus(tokens, i))
        {
            value = -value;
        }

        AddNumber(text, tokens, i, last, value, mentions);
    }

    /// <summary>The mention of a number read from tokens <paramref name="i"/>..<paramref name="last"/>: its sign, currency, percent sign and cue.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static void AddNumber(string text, List<Token> tokens, int i, int last, decimal value, List<Mention> mentions)
    {
        var token = tokens[i];
        var first = token.Kind == TokenKind.Number && Minus(tokens, i) ? i - 1 : i;
        var currency = token.CodePrefix;
        if (currency is null && CurrencyBefore(text, tokens, first, out var symbolToken) is { } before)
        {
            currency = before;
            first = symbolToken;
        }

        var isPercent = false;
        var end = last;
        if (Following(tokens, last) is var sign and >= 0 && tokens[sign].Kind == TokenKind.Symbol && tokens[sign].Text is "%" or "％" or "٪")
        {
            isPercent = true;
            end = sign;
        }
        else if (Next(text, tokens, last, allowHyphen: true) is var p and >= 0 && tokens[p].Kind == TokenKind.Word)
        {
            var word = tokens[p].Lower;
            if (word is "percent" or "pct")
            {
                isPercent = true;
                end = p;
            }
            else if (word == "per" && Next(text, tokens, p, allowHyphen: false) is var c and >= 0 && tokens[c].Lower == "cent")
            {
                isPercent = true;
                end = c;
            }
            else if (CurrencyAfter(text, tokens, last, out var currencyEnd) is { } after)
            {
                // "$100 CAD": the code names which dollars; any other disagreement leaves the currency unknown.
                currency = currency is null || currency == after || (currency == "USD" && first >= 0 && tokens[first].Text == "$") ? after : "?";
                end = currencyEnd;
            }
        }

        // A number joined to the next word by a hyphen ("under 24-hour protection") modifies that word: no cue.
        var compound = end == last && last + 2 < tokens.Count && tokens[last + 1].Text == "-" && tokens[last + 1].Start == tokens[last].End
            && tokens[last + 2].Start == tokens[last + 1].End && tokens[last + 2].Kind == TokenKind.Word;
        var qualifier = compound ? null : CueBefore(text, tokens, first) ?? CueAfter(text, tokens, end);
        mentions.Add(new Mention(tokens[first].Start, tokens[end].End, value, isPercent, currency, qualifier, 0, 0, 0, DatePrecision.None));
    }

    /// <summary>The token after <paramref name="i"/>, touching it or after white space; -1 at the end.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static int Following(List<Token> tokens, int i) => i + 1 < tokens.Count ? i + 1 : -1;

    private static bool Scale(ref decimal value, decimal scale)
    {
        if (Math.Abs(value) > decimal.MaxValue / scale)
        {
            return false;
        }

        value *= scale;
        return true;
    }

    /// <summary>
    /// A written-out cardinal from the word at <paramref name="i"/>: "seven", "twenty-one", "three hundred and
    /// forty-seven", "1 … a million" ("a" before hundred, thousand, million, billion, trillion or dozen), "two dozen".
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool NumberWords(string text, List<Token> tokens, int i, out decimal value, out int last)
    {
        value = 0;
        last = -1;
        decimal total = 0;
        decimal current = 0;
        var previous = WordClass.None;
        var lastScale = decimal.MaxValue;
        var j = i;
        if (tokens[i].Lower == "a")
        {
            var next = Next(text, tokens, i, allowHyphen: false);
            if (next < 0 || tokens[next].Kind != TokenKind.Word || !s_scales.ContainsKey(tokens[next].Lower))
            {
                return false;
            }

            current = 1;
            previous = WordClass.Unit;
            j = next;
        }

        while (j >= 0 && tokens[j].Kind == TokenKind.Word)
        {
            var word = tokens[j].Lower;
            if (s_numberWords.TryGetValue(word, out var n))
            {
                var cls = n < 10 ? WordClass.Unit : n < 20 ? WordClass.Teen : WordClass.Ten;
                var allowed = previous is WordClass.None or WordClass.Hundred or WordClass.Scale || (previous == WordClass.Ten && cls == WordClass.Unit && n > 0);
                if (!allowed || (n == 0 && previous != WordClass.None))
                {
                    break;
                }

                current += n;
                previous = cls;
            }
            else if (word == "hundred" && previous is WordClass.Unit or WordClass.Teen && current > 0)
            {
                current *= 100;
                previous = WordClass.Hundred;
            }
            else if (word == "dozen" && previous is WordClass.Unit or WordClass.Teen or WordClass.Ten && current > 0 && total == 0)
            {
                current *= 12;
                last = j;
                break;
            }
            else if (s_scales.TryGetValue(word, out var scale) && word is "thousand" or "million" or "billion" or "trillion"
                && previous is WordClass.Unit or WordClass.Teen or WordClass.Ten or WordClass.Hundred && current > 0 && scale < lastScale)
            {
                total += current * scale;
                current = 0;
                lastScale = scale;
                previous = WordClass.Scale;
            }
            else if (word == "and" && previous is WordClass.Hundred or WordClass.Scale
                && Next(text, tokens, j, allowHyphen: false) is var k and >= 0 && tokens[k].Kind == TokenKind.Word
                && s_numberWords.TryGetValue(tokens[k].Lower, out var after) && after > 0)
            {
                j = k;
                continue;
            }
            else
            {
                break;
            }

            last = j;
            j = Next(text, tokens, j, allowHyphen: true);
        }

        if (last < 0)
        {
            return false;
        }

        value = total + current;
        return true;
    }

    private enum WordClass
    {
        None,
        Unit,
        Teen,
        Ten,
        Hundred,
        Scale,
    }

    /// <summary>A '-' or '−' straight before the number, itself after white space, '(' or the start of the text.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool Minus(List<Token> tokens, int i)
    {
        if (i == 0 || tokens[i - 1].Kind != TokenKind.Symbol || tokens[i - 1].Text is not ("-" or "−") || tokens[i - 1].End != tokens[i].Start)
        {
            return false;
        }

        return i - 1 == 0 || tokens[i - 2].End != tokens[i - 1].Start || tokens[i - 2].Text == "(";
    }

    /// <summary>The currency of a symbol ("$", "US$", "€") or ISO code ("USD 100") before the number at <paramref name="i"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static string? CurrencyBefore(string text, List<Token> tokens, int i, out int first)
    {
        first = i;
        var s = i - 1;
        if (s < 0 || !(tokens[s].End == tokens[i].Start || SpaceBetween(text, tokens, s, i)))
        {
            return null;
        }

        if (tokens[s].Kind == TokenKind.Word && IsCode(tokens[s].Text))
        {
            first = s;
            return tokens[s].Text;
        }

        if (tokens[s].Kind != TokenKind.Symbol || !s_symbols.TryGetValue(tokens[s].Text[0], out var code))
        {
            return null;
        }

        first = s;
        if (tokens[s].Text == "$" && s > 0 && tokens[s - 1].Kind == TokenKind.Word && tokens[s - 1].End == tokens[s].Start)
        {
            first = s - 1;
            return s_dollarPrefixes.TryGetValue(tokens[s - 1].Text, out var dollars) ? dollars : "?";
        }

        return code;
    }

    /// <summary>An ISO code ("100 million USD") or currency name ("rubles", "Syrian pounds") after the token at <paramref name="last"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static string? CurrencyAfter(string text, List<Token> tokens, int last, out int end)
    {
        end = last;
        var w = Next(text, tokens, last, allowHyphen: false);
        if (w < 0 || tokens[w].Kind != TokenKind.Word)
        {
            return null;
        }

        if (IsCode(tokens[w].Text))
        {
            end = w;
            return tokens[w].Text;
        }

        var word = tokens[w].Lower;
        if (Next(text, tokens, w, allowHyphen: false) is var w2 and >= 0 && tokens[w2].Kind == TokenKind.Word
            && s_currencyPairs.TryGetValue(word + " " + tokens[w2].Lower, out var pair))
        {
            end = w2;
            return pair;
        }

        if (s_currencyWords.TryGetValue(word, out var code))
        {
            end = w;
            return code;
        }

        return null;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static string? CueBefore(string text, List<Token> tokens, int first)
    {
        // Every phrase tried ends with the word before the number: none is a cue unless that word ends one.
        if (first == 0 || tokens[first - 1].Kind != TokenKind.Word || !s_cueLastWords.Contains(tokens[first - 1].Lower))
        {
            return null;
        }

        string? cue = null;
        var phrase = string.Empty;
        var j = first;
        for (var words = 0; words < 3; words++)
        {
            if (j == 0 || tokens[j - 1].Kind != TokenKind.Word || !SpaceBetween(text, tokens, j - 1, j))
            {
                break;
            }

            j--;
            phrase = phrase.Length == 0 ? tokens[j].Lower : tokens[j].Lower + " " + phrase;
            if (s_cues.TryGetValue(phrase, out var found))
            {
                cue = found;
            }
        }

        return cue;
    }

    /// <summary>"… or more" after a number: at-least.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static string? CueAfter(string text, List<Token> tokens, int end)
    {
        var or = Next(text, tokens, end, allowHyphen: false);
        return or >= 0 && tokens[or].Lower == "or" && Next(text, tokens, or, allowHyphen: false) is var more and >= 0
            && tokens[more].Lower == "more" ? "at-least" : null;
    }

    /// <summary>
    /// The token after <paramref name="i"/> when only white space separates them, or (with <paramref name="allowHyphen"/>)
    /// the token after a hyphen that touches both ("24-hour", "twenty-one"); else -1.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static int Next(string text, List<Token> tokens, int i, bool allowHyphen)
    {
        if (i < 0 || i + 1 >= tokens.Count)
        {
            return -1;
        }

        if (SpaceBetween(text, tokens, i, i + 1))
        {
            return i + 1;
        }

        if (allowHyphen && i + 2 < tokens.Count && tokens[i + 1].Text == "-" && tokens[i + 1].Kind == TokenKind.Symbol
            && tokens[i].End == tokens[i + 1].Start && tokens[i + 1].End == tokens[i + 2].Start)
        {
            return i + 2;
        }

        return -1;
    }

    /// <summary>True when tokens <paramref name="a"/> and <paramref name="b"/> are separated by white space only (at least one character).</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool SpaceBetween(string text, List<Token> tokens, int a, int b)
    {
        if (a < 0 || b >= tokens.Count || b != a + 1)
        {
            return false;
        }

        return tokens[b].Start > tokens[a].End;
    }

    // ---- Dates --------------------------------------------------------------------------------

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static void DateAt(string text, List<Token> tokens, int i, List<Mention> mentions)
    {
        var token = tokens[i];
        if (token.Kind == TokenKind.Word && MonthOf(text, tokens, i, out var monthEnd) is var month and > 0)
        {
            MonthFirst(text, tokens, i, month, monthEnd, mentions);
            return;
        }

        if (token.Kind != TokenKind.Number || token.Value is not { } value)
        {
            return;
        }

        if (token.Suffix == Suffix.Decade)
        {
            mentions.Add(new Mention(token.Start, token.End, 0, false, null, null, (int)value, 0, 0, DatePrecision.Decade));
            return;
        }

        // Day first: "15 October 2025", "15th of October".
        if (token.PlainDigits is 1 or 2 && token.Suffix is Suffix.None or Suffix.Ordinal && value is >= 1 and <= 31)
        {
            var m = Next(text, tokens, i, allowHyphen: false);
            if (m >= 0 && tokens[m].Kind == TokenKind.Word && tokens[m].Text == "of")
            {
                m = Next(text, tokens, m, allowHyphen: false);
            }

            if (m >= 0 && tokens[m].Kind == TokenKind.Word && MonthOf(text, tokens, m, out var end) is var dayMonth and > 0)
            {
                var year = YearAfter(text, tokens, end, out var yearEnd);
                AddDay(tokens, i, year > 0 ? yearEnd : end, year, dayMonth, (int)value, mentions);
            }
        }

        // A year: four digits, not an amount of money ("$2016") nor a percent.
        if (token.PlainDigits != 4 || token.Suffix != Suffix.None || value < 1 || token.CodePrefix is not null
            || (i > 0 && tokens[i - 1].Kind == TokenKind.Symbol && s_symbols.ContainsKey(tokens[i - 1].Text[0]))
            || (i + 1 < tokens.Count && tokens[i + 1].Text is "%" or "％" or "٪"))
        {
            return;
        }

        var y = (int)value;
        mentions.Add(new Mention(token.Start, token.End, 0, false, null, null, y, 0, 0, DatePrecision.Year));

        // ISO 8601: 2025-10 or 2025-10-15 (two digits each, no spaces).
        if (IsoPart(tokens, i) is var isoMonth and >= 1 and <= 12)
        {
            if (IsoPart(tokens, i + 2) is var isoDay and >= 1 && isoDay <= DateTime.DaysInMonth(y, isoMonth))
            {
                mentions.Add(new Mention(token.Start, tokens[i + 4].End, 0, false, null, null, y, isoMonth, isoDay, DatePrecision.Day));
            }
            else
            {
                mentions.Add(new Mention(token.Start, tokens[i + 2].End, 0, false, null, null, y, isoMonth, 0, DatePrecision.Month));
            }
        }
    }

    /// <summary>"October 15, 2025", "Oct. 15", "October 2025", "October".</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static void MonthFirst(string text, List<Token> tokens, int i, int month, int monthEnd, List<Mention> mentions)
    {
        var d = Next(text, tokens, monthEnd, allowHyphen: false);
        if (d >= 0 && tokens[d].Kind == TokenKind.Number && tokens[d].PlainDigits is 1 or 2 && tokens[d].Suffix is Suffix.None or Suffix.Ordinal
            && tokens[d].Value is { } day and >= 1 and <= 31)
        {
            var year = YearAfter(text, tokens, d, out var yearEnd);
            AddDay(tokens, i, year > 0 ? yearEnd : d, year, month, (int)day, mentions);
            return;
        }

        var y = YearAfter(text, tokens, monthEnd, out var end);
        if (y > 0)
        {
            mentions.Add(new Mention(tokens[i].Start, tokens[end].End, 0, false, null, null, y, month, 0, DatePrecision.Month));
        }
        else if (tokens[i].Text.Length > 4 || tokens[i].Text is "June" or "July" or "JUNE" or "JULY")
        {
            // A month alone, written in full: its year comes from elsewhere ("in December"). Never "May".
            mentions.Add(new Mention(tokens[i].Start, tokens[monthEnd].End, 0, false, null, null, 0, month, 0, DatePrecision.Month));
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static void AddDay(List<Token> tokens, int first, int last, int year, int month, int day, List<Mention> mentions)
    {
        var max = year > 0 ? DateTime.DaysInMonth(year, month) : month == 2 ? 29 : DateTime.DaysInMonth(2001, month);
        if (day <= max)
        {
            mentions.Add(new Mention(tokens[first].Start, tokens[last].End, 0, false, null, null, year, month, day, DatePrecision.Day));
        }
    }

    /// <summary>A year of four digits after the token at <paramref name="i"/>, after white space or ", "; else 0.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static int YearAfter(string text, List<Token> tokens, int i, out int end)
    {
        end = i;
        var y = Next(text, tokens, i, allowHyphen: false);
        if (y < 0 && i + 2 < tokens.Count && tokens[i + 1].Text == "," && tokens[i + 1].Kind == TokenKind.Symbol && tokens[i].End == tokens[i + 1].Start)
        {
            y = Next(text, tokens, i + 1, allowHyphen: false);
        }

        if (y < 0 || tokens[y].Kind != TokenKind.Number || tokens[y].PlainDigits != 4 || tokens[y].Suffix != Suffix.None
            || tokens[y].Value is not { } year || year < 1 || Next(text, tokens, y, allowHyphen: false) is var after and >= 0 && tokens[after].Kind == TokenKind.Word
            && s_scales.ContainsKey(tokens[after].Lower))
        {
            return 0;
        }

        end = y;
        return (int)year;
    }

    /// <summary>The two-digit number in "-NN" straight after the token at <paramref name="i"/>, or -1.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static int IsoPart(List<Token> tokens, int i)
    {
        if (i + 2 >= tokens.Count || tokens[i + 1].Text != "-" || tokens[i + 1].Kind != TokenKind.Symbol
            || tokens[i].End != tokens[i + 1].Start || tokens[i + 1].End != tokens[i + 2].Start)
        {
            return -1;
        }

        var part = tokens[i + 2];
        return part.Kind == TokenKind.Number && part.PlainDigits == 2 && part.End - part.Start == 2 && part.Suffix == Suffix.None && part.Value is { } v ? (int)v : -1;
    }

    /// <summary>
    /// The month a word names (1-12) or 0: a full name or an abbreviation (Jan, Feb, Mar, Apr, Jun, Jul, Aug,
    /// Sep, Sept, Oct, Nov, Dec, with or without a point), capitalized or in capitals.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static int MonthOf(string text, List<Token> tokens, int i, out int end)
    {
        end = i;
        var word = tokens[i].Text;
        if (word.Length < 3 || !char.IsUpper(word[0]))
        {
            return 0;
        }

        var upper = true;
        var lower = true;
        for (var k = 1; k < word.Length; k++)
        {
            upper &= word[k] is >= 'A' and <= 'Z';
            lower &= word[k] is >= 'a' and <= 'z';
        }

        if (!upper && !lower)
        {
            return 0;
        }

        var key = tokens[i].Lower;
        var full = Array.IndexOf(s_monthNames, key);
        if (full >= 0)
        {
            return full + 1;
        }

        if (!s_monthAbbreviations.TryGetValue(key, out var month))
        {
            return 0;
        }

        if (i + 1 < tokens.Count && tokens[i + 1].Text == "." && tokens[i + 1].Start == tokens[i].End)
        {
            end = i + 1;
        }

        return month;
    }
}
