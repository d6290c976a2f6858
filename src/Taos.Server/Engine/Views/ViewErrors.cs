namespace Taos.Server.Engine.Views;

/// <summary>TDengine's errors of the view statements [src include/util/taoserror.h].</summary>
internal static class ViewErrors
{
    /// <summary>0x04A0: CREATE VIEW (without OR REPLACE) of a view that exists.</summary>
    public static TaosServerException AlreadyExists() => new(0x04A0, "view already exists in db");

    /// <summary>0x04A1: DROP VIEW (without IF EXISTS) or SHOW CREATE VIEW of a view that does not exist.</summary>
    public static TaosServerException NotExist() => new(0x04A1, "view not exists in db");

    /// <summary>0x266C: a view query TDengine cannot keep (here: one that reads the view itself, directly or through other views).</summary>
    public static TaosServerException InvalidQuery() => new(0x266C, "Invalid view query type");
}
