namespace Taos.Server.Http;

/// <summary>A row source failed after the answer had started; the answer was closed with the rows so far.</summary>
internal sealed class RestStreamException(Exception inner) : Exception("the row source failed while streaming", inner);
