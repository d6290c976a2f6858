namespace Taos.Server.Engine.Operators.Windows;

/// <summary>One window over a group's rows in ts order: its bounds and the index range [Lo, Hi) of its rows.</summary>
internal readonly record struct WindowSegment(long Start, long End, int Lo, int Hi);
