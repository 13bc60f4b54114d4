using HashPivot.Data.Csv;

namespace HashPivot.Data.Tests.Csv;

public class CsvReaderTests
{
    private static List<(int Line, string[] Fields, string? Error)> ReadAll(string text)
    {
        var reader = new CsvReader(text);
        var records = new List<(int, string[], string?)>();
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader[i].ToString();
            }

            records.Add((reader.RecordLine, fields, reader.RecordError));
        }

        return records;
    }

    [Fact]
    public void Read_PlainLinesLfAndCrlf_FieldsAndLineNumbers()
    {
        var r = ReadAll("a,b\r\n1,2\n\n3,4\n");

        Assert.Equal(3, r.Count);
        Assert.Equal(["3", "4"], r[2].Fields);
        Assert.Equal(4, r[2].Line); // the blank line 3 is skipped but counted
    }

    [Fact]
    public void Read_QuotedFieldWithCommaQuoteAndNewline_Unescaped()
    {
        var r = ReadAll("name,note\n\"HB, North\",\"said \"\"hi\"\"\nthen left\"\nnext,row\n");

        Assert.Equal(["HB, North", "said \"hi\"\nthen left"], r[1].Fields);
        Assert.Null(r[1].Error);
        Assert.Equal(4, r[2].Line); // the quoted line break moved the next record to line 4
    }

    [Fact]
    public void Read_TrailingCommaAndEmptyFields_CountedAsEmpty()
    {
        var r = ReadAll("a,,c,\n");
        Assert.Equal(["a", "", "c", ""], r[0].Fields);
    }

    [Fact]
    public void Read_UnclosedQuote_ErrorOnRecordNoThrow()
    {
        var r = ReadAll("a,b\n1,\"open\n2,3\n");
        Assert.Equal(2, r.Count);
        Assert.Contains("not closed", r[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextAfterClosingQuote_Error()
    {
        var r = ReadAll("\"a\"x,b\n");
        Assert.Contains("after a closing quote", r[0].Error, StringComparison.Ordinal);
        Assert.Equal(2, r[0].Fields.Length);
    }

    [Fact]
    public void Read_ByteOrderMark_Ignored() =>
        Assert.Equal("date", ReadAll("\uFEFFdate,x\n")[0].Fields[0]);
}
