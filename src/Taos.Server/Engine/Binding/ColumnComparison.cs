using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Binding;

/// <summary>
/// A comparison of a bare column with a non-null numeric constant (<c>voltage &gt; 220</c>), recorded on its
/// <see cref="CExpr"/> so that a filter can test typed vectors without boxing. <see cref="Op"/> is oriented as
/// <c>column Op constant</c>.
/// </summary>
internal sealed record ColumnComparison(int Column, BinaryOp Op, object Constant);
