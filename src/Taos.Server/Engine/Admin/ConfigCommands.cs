using Taos.Server.Engine.SystemTables;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Admin;

/// <summary>
/// ALTER DNODE n / ALTER ALL DNODES and ALTER LOCAL (<see cref="RuntimeConfig"/> checks the item and its value). The
/// mnode sends ALTER DNODE n to dnode n, so n must be a dnode (0x0331; 0 means every dnode, like ALL DNODES); an
/// offline created dnode never receives it, and only dnode 1's variables change.
/// </summary>
internal sealed class ConfigCommands(RuntimeConfig config, ClusterNodes nodes)
{
    /// <summary>ALTER DNODE n 'key' ['value'] or ALTER ALL DNODES 'key' ['value'].</summary>
    public AffectedRowsResult AlterDnode(AlterDnodeStatement s)
    {
        // The mnode sends to every dnode for ALL DNODES and for dnode 0 (mndSendCfgDnodeReq).
        bool toDnode1 = s.Dnode is null or 0 || s.Dnode == NodeSystemTables.DnodeId;
        if (!toDnode1 && !nodes.Current.Dnodes.Any(d => d.Id == s.Dnode)) throw AdminErrors.DnodeNotExist();
        if (toDnode1)
        {
            config.AlterDnode(s.Config, s.Value);
        }
        else
        {
            // Checked as the mnode checks it; the offline dnode never receives it.
            RuntimeConfig.Parse(s.Config, s.Value, ConfigSide.Server);
        }
        return new AffectedRowsResult(0);
    }

    /// <summary>ALTER LOCAL 'key' ['value']: the client side's configuration (SHOW LOCAL VARIABLES).</summary>
    public AffectedRowsResult AlterLocal(AlterLocalStatement s)
    {
        config.AlterLocal(s.Config, s.Value);
        return new AffectedRowsResult(0);
    }
}
