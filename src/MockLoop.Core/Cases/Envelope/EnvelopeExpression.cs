using System.Globalization;

namespace MockLoop.Core.Cases.Envelope;

/// <summary>
/// The little arithmetic a back-of-envelope needs: numbers (<c>86400</c>, <c>1.5e6</c>), quantity names,
/// <c>+ - * / ^</c>, parentheses, <c>ceil floor min max</c>, and one comparison (<c>&lt;= &gt;= &lt; &gt;</c>) for
/// claims. Parsed once into a tree, so a case's formulas can be checked for unknown names before any is evaluated.
/// </summary>
public abstract record EnvelopeExpression
{
    /// <summary>Quantity names the expression reads.</summary>
    public abstract IEnumerable<string> Names { get; }

    /// <summary>The value, reading quantities from <paramref name="values"/> (every name must be there).</summary>
    public abstract double Evaluate(IReadOnlyDictionary<string, double> values);

    /// <summary>Parses an expression; a comparison only where <paramref name="comparison"/> asks for one.</summary>
    /// <exception cref="FormatException">The text is not a well-formed expression, with the reason.</exception>
    public static EnvelopeExpression Parse(string text, bool comparison = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new ExpressionReader(text);
        var expression = reader.ReadTop(comparison);
        return expression;
    }
}

public sealed record NumberExpression(double Value) : EnvelopeExpression
{
    public override IEnumerable<string> Names => [];

    public override double Evaluate(IReadOnlyDictionary<string, double> values) => Value;
}

public sealed record NameExpression(string Name) : EnvelopeExpression
{
    public override IEnumerable<string> Names => [Name];

    public override double Evaluate(IReadOnlyDictionary<string, double> values) => values[Name];
}

public sealed record NegateExpression(EnvelopeExpression Operand) : EnvelopeExpression
{
    public override IEnumerable<string> Names => Operand.Names;

    public override double Evaluate(IReadOnlyDictionary<string, double> values) => -Operand.Evaluate(values);
}

public sealed record BinaryExpression(char Operator, EnvelopeExpression Left, EnvelopeExpression Right) : EnvelopeExpression
{
    public override IEnumerable<string> Names => Left.Names.Concat(Right.Names);

    public override double Evaluate(IReadOnlyDictionary<string, double> values)
    {
        var left = Left.Evaluate(values);
        var right = Right.Evaluate(values);
        return Operator switch
        {
            '+' => left + right,
            '-' => left - right,
            '*' => left * right,
            '/' => left / right,
            '^' => Math.Pow(left, right),
            _ => throw new InvalidOperationException($"Unknown operator '{Operator}'."),
        };
    }
}

public sealed record CallExpression(string Function, IReadOnlyList<EnvelopeExpression> Arguments) : EnvelopeExpression
{
    /// <summary>The functions a formula may call, with how many arguments each takes (min and max take two or more).</summary>
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Functions = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
    {
        ["ceil"] = (1, 1),
        ["floor"] = (1, 1),
        ["min"] = (2, 8),
        ["max"] = (2, 8),
    };

    public override IEnumerable<string> Names => Arguments.SelectMany(a => a.Names);

    public override double Evaluate(IReadOnlyDictionary<string, double> values)
    {
        var args = Arguments.Select(a => a.Evaluate(values)).ToList();
        return Function switch
        {
            "ceil" => Math.Ceiling(args[0]),
            "floor" => Math.Floor(args[0]),
            "min" => args.Min(),
            "max" => args.Max(),
            _ => throw new InvalidOperationException($"Unknown function '{Function}'."),
        };
    }
}

/// <summary>A claim such as <c>gpusNeeded &lt;= gpusGranted</c>: true or false, never a number.</summary>
public sealed record ComparisonExpression(string Operator, EnvelopeExpression Left, EnvelopeExpression Right) : EnvelopeExpression
{
    public override IEnumerable<string> Names => Left.Names.Concat(Right.Names);

    public override double Evaluate(IReadOnlyDictionary<string, double> values) => Holds(values) ? 1 : 0;

    public bool Holds(IReadOnlyDictionary<string, double> values)
    {
        var left = Left.Evaluate(values);
        var right = Right.Evaluate(values);
        return Operator switch
        {
            "<=" => left <= right,
            ">=" => left >= right,
            "<" => left < right,
            ">" => left > right,
            _ => throw new InvalidOperationException($"Unknown comparison '{Operator}'."),
        };
    }

    public override string ToString() => Operator;
}

/// <summary>Recursive descent over the text: comparison → sum → product → unary → power → primary.</summary>
internal sealed class ExpressionReader(string text)
{
    private int position;

    public EnvelopeExpression ReadTop(bool comparison)
    {
        var left = ReadSum();
        SkipSpace();
        if (comparison)
        {
            var op = ReadComparisonOperator() ?? throw Error("expected a comparison (<=, >=, < or >)");
            var right = ReadSum();
            left = new ComparisonExpression(op, left, right);
        }

        SkipSpace();
        if (position < text.Length)
        {
            throw Error($"unexpected '{text[position]}'");
        }
        return left;
    }

    private string? ReadComparisonOperator()
    {
        foreach (var op in (string[])["<=", ">=", "<", ">"])
        {
            if (string.CompareOrdinal(text, position, op, 0, op.Length) == 0)
            {
                position += op.Length;
                return op;
            }
        }
        return null;
    }

    private EnvelopeExpression ReadSum()
    {
        var left = ReadProduct();
        while (Peek() is '+' or '-')
        {
            var op = text[position++];
            left = new BinaryExpression(op, left, ReadProduct());
        }
        return left;
    }

    private EnvelopeExpression ReadProduct()
    {
        var left = ReadUnary();
        while (Peek() is '*' or '/')
        {
            var op = text[position++];
            left = new BinaryExpression(op, left, ReadUnary());
        }
        return left;
    }

    private EnvelopeExpression ReadUnary()
    {
        if (Peek() == '-')
        {
            position++;
            return new NegateExpression(ReadUnary());
        }

        var operand = ReadPrimary();
        if (Peek() == '^')
        {
            position++;
            return new BinaryExpression('^', operand, ReadUnary());
        }
        return operand;
    }

    private EnvelopeExpression ReadPrimary()
    {
        var next = Peek();
        if (next == '(')
        {
            position++;
            var inner = ReadSum();
            Expect(')');
            return inner;
        }

        if (next is >= '0' and <= '9' or '.')
        {
            return ReadNumber();
        }

        if (char.IsAsciiLetter(next))
        {
            var start = position;
            while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
            {
                position++;
            }
            var name = text[start..position];
            if (Peek() != '(')
            {
                return new NameExpression(name);
            }

            if (!CallExpression.Functions.TryGetValue(name, out var arity))
            {
                throw Error($"'{name}' is not a function; use {string.Join(", ", CallExpression.Functions.Keys)}");
            }
            position++;
            var args = new List<EnvelopeExpression> { ReadSum() };
            while (Peek() == ',')
            {
                position++;
                args.Add(ReadSum());
            }
            Expect(')');
            if (args.Count < arity.Min || args.Count > arity.Max)
            {
                throw Error($"{name} takes {(arity.Min == arity.Max ? arity.Min.ToString(CultureInfo.InvariantCulture) : $"{arity.Min} or more")} argument(s), not {args.Count}");
            }
            return new CallExpression(name, args);
        }

        throw Error(position >= text.Length ? "the expression ends too early" : $"unexpected '{next}'");
    }

    private NumberExpression ReadNumber()
    {
        var start = position;
        while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
        {
            position++;
        }
        if (position < text.Length && text[position] is 'e' or 'E')
        {
            position++;
            if (position < text.Length && text[position] is '+' or '-')
            {
                position++;
            }
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }
        }

        var token = text[start..position];
        return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? new NumberExpression(value)
            : throw Error($"'{token}' is not a number");
    }

    private void Expect(char expected)
    {
        if (Peek() != expected)
        {
            throw Error($"expected '{expected}'");
        }
        position++;
    }

    /// <summary>The next character after spaces, or '\0' at the end.</summary>
    private char Peek()
    {
        SkipSpace();
        return position < text.Length ? text[position] : '\0';
    }

    private void SkipSpace()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private FormatException Error(string reason) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{reason} at character {position + 1} of \"{text}\""));
}
