// Compiled into both DomainModel.Runtime and DomainModel.Generators (a linked file): the row format is
// defined here once, and the generator's RowEncoder and the runtime's FactRow both use it.
namespace DomainModel.Internal;

/// <summary>
/// The text format of a row: one fact encoded as one line of text, which the generator writes
/// (RowEncoder) and the runtime reads (FactRow). Tokens: the id, one per field, the evidence and the
/// note, separated by <see cref="FieldSeparator"/>. A list token is its items, each preceded by
/// <see cref="ItemSeparator"/> (so "" is the empty list and "^" one empty item), after
/// <see cref="Examples"/> when the list is the source's examples; a date is its ISO text, then, when it has a
/// basis, <see cref="ValueSpace"/> and the basis's index in <see cref="DateBases"/>; an evidence item is a
/// stance flag, its document, <see cref="PartSeparator"/> and its quote, then, when it has a hedge or an
/// attribution, three more parts: the hedge's index in <see cref="Hedges"/> (empty for none), the kind of
/// the fact it is attributed to (empty for a text attribution) and the attribution (a fact id or the text,
/// empty for none); <see cref="Null"/> alone is an
/// absent value; <see cref="Escape"/> escapes any of these inside a value, and a line feed is written
/// <c>`n</c> (rows are the lines of a literal). The markers are printable ASCII, rare in prose, so a
/// row literal needs no <c>\u</c> escapes and stays short and readable in the generated source.
/// </summary>
internal static class RowFormat
{
    /// <summary>Separates the tokens of a row.</summary>
    public const char FieldSeparator = '|';

    /// <summary>Precedes each item of a list token.</summary>
    public const char ItemSeparator = '^';

    /// <summary>Separates an evidence item's document from its quote.</summary>
    public const char PartSeparator = '~';

    /// <summary>A token that is this character alone is an absent value (null).</summary>
    public const char Null = '}';

    /// <summary>Escapes the next character of a value: a marker, itself, or <see cref="EscapedLineFeed"/>.</summary>
    public const char Escape = '`';

    /// <summary>After <see cref="Escape"/>: a line feed.</summary>
    public const char EscapedLineFeed = 'n';

    /// <summary>Ends a row within a literal of rows.</summary>
    public const char RowEnd = '\n';

    /// <summary>The first character of an evidence item that supports the fact.</summary>
    public const char Supports = '+';

    /// <summary>The first character of an evidence item that contradicts the fact.</summary>
    public const char Contradicts = '-';

    /// <summary>Separates the parts of a money, quantity or date value's text.</summary>
    public const char ValueSpace = ' ';

    /// <summary>
    /// Starts a list token whose items are the source's examples rather than a complete list (a list token
    /// otherwise starts with <see cref="ItemSeparator"/> or is empty, so the mark cannot be misread).
    /// </summary>
    public const char Examples = '~';

    /// <summary>
    /// The bases of a date as written in YAML (<c>basis:</c>), in the order of the DateBasis enum: a date's text
    /// holds the index after the date when it is not 0 (unspecified, what a date without a basis is).
    /// </summary>
    public static readonly string[] DateBases = { "unspecified", "stated", "resolved", "inferred" };

    /// <summary>
    /// Quantity qualifiers as written in YAML, in the order of the QuantityQualifier enum: a quantity's
    /// text holds the qualifier's index. New ones are appended (a row written before them reads the same);
    /// a quantity written without one is <see cref="UnspecifiedQualifier"/>.
    /// </summary>
    public static readonly string[] Qualifiers = { "exact", "about", "at-least", "more-than", "at-most", "less-than", "unspecified", "target", "rounded" };

    /// <summary>The index in <see cref="Qualifiers"/> of a quantity the facts do not qualify.</summary>
    public const int UnspecifiedQualifier = 6;

    /// <summary>
    /// The hedges an evidence item may carry (how its source puts the claim), as written in YAML, in the order
    /// of the EvidenceHedge enum after its None: a row holds the hedge's index here.
    /// </summary>
    public static readonly string[] Hedges = { "reported", "claimed", "alleged", "unconfirmed", "planned", "expected", "estimated", "target" };

    /// <summary>True for a character that must be escaped inside a value.</summary>
    public static bool IsMarker(char c) => c is FieldSeparator or ItemSeparator or PartSeparator or Null or Escape;

    /// <summary>
    /// The text of a money value: the amount (invariant: an optional '-', digits, an optional '.' and
    /// digits), a space, the ISO 4217 code. E.g. <c>2500000000 USD</c>.
    /// </summary>
    public static string Money(string amount, string currency) => amount + ValueSpace + currency;

    /// <summary>
    /// The text of a quantity: the value (as for money), a space, the qualifier's index in
    /// <see cref="Qualifiers"/>, a space, the unit (which may hold spaces). E.g. <c>500000 3 people</c>.
    /// </summary>
    public static string Quantity(string value, int qualifier, string unit) =>
        value + ValueSpace + qualifier.ToString(System.Globalization.CultureInfo.InvariantCulture) + ValueSpace + unit;

    /// <summary>
    /// The names of the reader methods of the runtime's FactRow that generated code calls, one per
    /// stored type; a test of the runtime checks that each is there with the type it reads.
    /// </summary>
    public static class Readers
    {
        /// <summary>A required string.</summary>
        public const string String = "String";

        /// <summary>An optional string.</summary>
        public const string OptString = "OptString";

        /// <summary>A list of strings.</summary>
        public const string StringList = "StringList";

        /// <summary>A list of any other value type, with a parser of each item's text.</summary>
        public const string List = "List";

        /// <summary>A reference: the index of the referenced fact in its kind's rows, or -1.</summary>
        public const string Ref = "Ref";

        /// <summary>A list of references.</summary>
        public const string RefList = "RefList";

        /// <summary>The evidence and note of a fact (the last two tokens).</summary>
        public const string Provenance = "Provenance";

        /// <summary>Prefix of a required value's reader (ReadInt64, ReadMoney...).</summary>
        public const string Required = "Read";

        /// <summary>Prefix of an optional value's reader (ReadOptInt64, ReadOptMoney...).</summary>
        public const string Optional = "ReadOpt";

        /// <summary>The reader suffixes (after <see cref="Required"/> or <see cref="Optional"/>): integers, decimals, booleans, dates, money, quantities, percents, enums.</summary>
        public const string Int64 = "Int64";

        /// <summary>See <see cref="Int64"/>.</summary>
        public const string Decimal = "Decimal";

        /// <summary>See <see cref="Int64"/>.</summary>
        public const string Boolean = "Boolean";

        /// <summary>See <see cref="Int64"/>.</summary>
        public const string Date = "Date";

        /// <summary>See <see cref="Int64"/>.</summary>
        public const string Money = "Money";

        /// <summary>See <see cref="Int64"/>.</summary>
        public const string Quantity = "Quantity";

        /// <summary>See <see cref="Int64"/>.</summary>
        public const string Percent = "Percent";

        /// <summary>An enum value, stored as its index (Int32); generated code casts it.</summary>
        public const string Enum = "Int32";

        /// <summary>The item parsers of <see cref="List"/>: static methods of FactRow taking the item's text.</summary>
        public const string ParseInt64 = "ParseInt64";

        /// <summary>See <see cref="ParseInt64"/>.</summary>
        public const string ParseDecimal = "ParseDecimal";

        /// <summary>See <see cref="ParseInt64"/>.</summary>
        public const string ParseBoolean = "ParseBoolean";

        /// <summary>See <see cref="ParseInt64"/>.</summary>
        public const string ParseDate = "ParseDate";

        /// <summary>See <see cref="ParseInt64"/>.</summary>
        public const string ParseMoney = "ParseMoney";

        /// <summary>See <see cref="ParseInt64"/>.</summary>
        public const string ParseQuantity = "ParseQuantity";

        /// <summary>See <see cref="ParseInt64"/>.</summary>
        public const string ParsePercent = "ParsePercent";

        /// <summary>See <see cref="ParseInt64"/>: an enum's index, which generated code casts.</summary>
        public const string ParseEnum = "ParseInt32";
    }
}
