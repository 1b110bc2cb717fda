using System.Linq;
using DomainModel.Generators.Validation;
using DomainModel.Tool.Commands;
using Xunit;

namespace DomainModel.Tool.Tests;

/// <summary>Sentence splitting for coverage: abbreviations, initials, quotes, numbers, lines.</summary>
public sealed class SentencesTests
{
    private static string[] Split(string text, bool wrapped = false) => Sentences.Split(text, wrapped).Select(s => s.Text).ToArray();

    [Fact]
    public void Terminators_followed_by_a_capital_end_sentences()
    {
        Assert.Equal(new[] { "Putin met Al-Sharaa.", "They spoke!", "Why?", "Nobody knows." }, Split("Putin met Al-Sharaa. They spoke! Why? Nobody knows."));
    }

    [Theory]
    [InlineData("Growth was 1.5 percent. Then it fell.", new[] { "Growth was 1.5 percent.", "Then it fell." })]
    [InlineData("It cost $2.5 billion and 3.75% more.", new[] { "It cost $2.5 billion and 3.75% more." })]
    [InlineData("It grew 5%. 2026 will tell.", new[] { "It grew 5%.", "2026 will tell." })]
    public void Numbers_with_a_decimal_point_do_not_end_sentences(string text, string[] expected) => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("Mr. Putin met Dr. Lavrov and Gen. Gerasimov.")]
    [InlineData("The U.S. Army and the U.N. Security Council met.")]
    [InlineData("George W. Bush spoke on Oct. 15 at No. 10 Downing St. with Acme Inc. staff.")]
    [InlineData("Fruit, e.g. apples, i.e. food, vs. nothing.")]
    [InlineData("They met at 3 p.m. on Wednesday.")]
    public void Abbreviations_initials_and_initialisms_do_not_end_sentences(string text) => Assert.Equal(new[] { text }, Split(text));

    [Fact]
    public void Closing_quotes_and_brackets_stay_with_their_sentence()
    {
        Assert.Equal(
            new[] { "He said: \u201CWe will rebuild.\u201D", "The crowd cheered (loudly.)", "\u2018Yes,\u2019 she said." },
            Split("He said: \u201CWe will rebuild.\u201D The crowd cheered (loudly.) \u2018Yes,\u2019 she said."));
        // A question inside a quote followed by a lower-case word is one sentence.
        Assert.Equal(new[] { "\u201CWhy now?\u201D he asked." }, Split("\u201CWhy now?\u201D he asked."));
    }

    [Fact]
    public void Ellipses_and_runs_of_terminators_end_once()
    {
        Assert.Equal(new[] { "Wait... what?!", "It ended\u2026", "Then silence." }, Split("Wait... what?! It ended\u2026 Then silence."));
    }

    [Fact]
    public void Line_breaks_end_sentences_unless_the_text_is_wrapped()
    {
        var text = "A Pivotal Shift\nThe meeting began. It lasted\nthree hours.\n\nNext paragraph.";
        Assert.Equal(new[] { "A Pivotal Shift", "The meeting began.", "It lasted", "three hours.", "Next paragraph." }, Split(text));
        Assert.Equal(new[] { "A Pivotal Shift The meeting began.", "It lasted three hours.", "Next paragraph." }, Split(text, wrapped: true));

        var lines = Sentences.Split(text).Select(s => s.Line).ToArray();
        Assert.Equal(new[] { 1, 2, 2, 3, 5 }, lines);
        Assert.Equal(new[] { 1, 2, 5 }, Sentences.Split(text, wrapped: true).Select(s => s.Line).ToArray());
    }

    [Fact]
    public void Sentences_cover_the_normalized_document_exactly()
    {
        var text = System.IO.File.ReadAllText(System.IO.Path.Combine(ToolRun.Seeds, "documents", "000_6b0556799bcd713d.txt"));
        var sentences = Sentences.Split(text);
        var normalized = DomainModel.Generators.Text.Whitespace.Normalize(text);
        Assert.Equal(normalized, string.Join(" ", sentences.Select(s => s.Text)));
        Assert.All(sentences, s => Assert.Equal(s.Text, normalized.Substring(s.Start, s.Text.Length)));
        Assert.True(sentences.Count > 40, sentences.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
