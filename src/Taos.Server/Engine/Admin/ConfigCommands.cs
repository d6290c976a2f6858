using Taos.Server.Engine.SystemTables;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Admin;

/// <summary>
/// ALTER DNODE n / ALTER ALL DNODES (with CREATE ENCRYPT_KEY), ALTER CLUSTER and ALTER LOCAL (<see cref="RuntimeConfig"/> checks the item and its value). The
/// mnode sends ALTER DNODE n to dnode n, so n must be a dnode (0x0331; 0 means every dnode, like ALL DNODES); an
/// offline created dnode never receives it, and only dnode 1's variables change.
/// </summary>
internal sealed class ConfigCommands(RuntimeConfig config, ClusterNodes nodes)
{
    /// <summary>0x0422 TSDB_CODE_DNODE_INVALID_ENCRYPT_KLEN.</summary>
    private const int InvalidEncryptKeyLength = 0x0422;

    /// <summary>ENCRYPT_KEY_LEN_MIN and ENCRYPT_KEY_LEN (tdef.h).</summary>
    private const int MinEncryptKeyLength = 8, MaxEncryptKeyLength = 16;

    /// <summary>ALTER DNODE n 'key' ['value'] or ALTER ALL DNODES 'key' ['value'].</summary>
    public AffectedRowsResult AlterDnode(AlterDnodeStatement s)
    {
        if (string.Equals(s.Config, "encrypt_key", StringComparison.OrdinalIgnoreCase)) return EncryptKey(s.Value);
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

    /// <summary>
    /// ALTER DNODE n 'encrypt_key' 'key' and CREATE ENCRYPT_KEY 'key': TDengine 3.3.0.1's parser checks the key's
    /// length (8 to 16 bytes, else 0x0422); the community edition's mnode then does nothing and succeeds.
    /// </summary>
    private static AffectedRowsResult EncryptKey(string? key)
    {
        int length = System.Text.Encoding.UTF8.GetByteCount(key ?? "");
        if (length is < MinEncryptKeyLength or > MaxEncryptKeyLength)
        {
            throw new TaosServerException(InvalidEncryptKeyLength,
                $"Invalid encryption key length: {length}, valid range [{MinEncryptKeyLength},{MaxEncryptKeyLength}]");
        }
        return new AffectedRowsResult(0);
    }

    /// <summary>ALTER CLUSTER 'key' ['value']: see <see cref="AlterClusterStatement"/>, 0x0100 for every key.</summary>
    public static AffectedRowsResult AlterCluster() =>
        throw new TaosServerException(ServerErrorCode.OperationNotSupported, "Operation not supported");

    /// <summary>ALTER LOCAL 'key' ['value']: the client side's configuration (SHOW LOCAL VARIABLES).</summary>
    public AffectedRowsResult AlterLocal(AlterLocalStatement s)
    {
        config.AlterLocal(s.Config, s.Value);
        return new AffectedRowsResult(0);
    }
}
