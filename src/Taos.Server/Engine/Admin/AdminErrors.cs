namespace Taos.Server.Engine.Admin;

/// <summary>
/// TDengine 3.3's codes and texts (taoserror.h, terror.c) for the errors of the administration statements: the
/// mnode's answers about dnodes, component nodes, vgroups, compactions, transactions, connections and queries, and
/// the configuration checks. REST carries the low 16 bits of the code.
/// </summary>
internal static class AdminErrors
{
    private const int NetworkUnavailableCode = 0x000B;
    private const int OutOfRangeCode = 0x0112;
    private const int InvalidMessageCode = 0x0115;
    private const int InvalidConfigCode = 0x0119;
    private const int MessageNotProcessedCode = 0x0121;
    private const int InvalidQueryIdCode = 0x030C;
    private const int InvalidConnectionIdCode = 0x030E;
    private const int DnodeAlreadyExistsCode = 0x0330;
    private const int DnodeNotExistCode = 0x0331;
    private const int VgroupNotExistCode = 0x0332;
    private const int CannotDropLeaderCode = 0x0333;
    private const int MnodeAlreadyExistsCode = 0x03A0;
    private const int MnodeNotThereCode = 0x03A1;
    private const int QnodeAlreadyExistsCode = 0x03A2;
    private const int QnodeNotThereCode = 0x03A3;
    private const int SnodeAlreadyExistsCode = 0x03A4;
    private const int SnodeNotThereCode = 0x03A5;
    private const int TooFewMnodesCode = 0x03A8;
    private const int InvalidDnodeEndpointCode = 0x03B3;
    private const int VgroupUnchangedCode = 0x03B5;
    private const int OfflineDnodeExistsCode = 0x03B6;
    private const int InvalidReplicaCode = 0x03B7;
    private const int TransactionNotExistCode = 0x03D1;
    private const int DnodeOfflineCode = 0x0408;
    private const int InvalidCompactIdCode = 0x04B1;
    private const int NameTooLongCode = 0x2610;
    private const int InvalidPortCode = 0x2612;
    private const int InvalidRedistributeCode = 0x2656;
    /// <summary>TSDB_CODE_FAILED (-1): REST shows its low 16 bits.</summary>
    private const int FailedCode = 0xFFFF;

    public static TaosServerException NetworkUnavailable() => new(NetworkUnavailableCode, "Unable to establish connection");
    public static TaosServerException OutOfRange() => new(OutOfRangeCode, "Out of range");
    public static TaosServerException InvalidMessage() => new(InvalidMessageCode, "Invalid message");
    public static TaosServerException InvalidConfig() => new(InvalidConfigCode, "Invalid config option");
    public static TaosServerException MessageNotProcessed() => new(MessageNotProcessedCode, "Message not processed");
    public static TaosServerException InvalidQueryId() => new(InvalidQueryIdCode, "Invalid query id");
    public static TaosServerException InvalidConnectionId() => new(InvalidConnectionIdCode, "Invalid connection id");
    public static TaosServerException DnodeAlreadyExists() => new(DnodeAlreadyExistsCode, "Dnode already exists");
    public static TaosServerException DnodeNotExist() => new(DnodeNotExistCode, "Dnode does not exist");
    public static TaosServerException VgroupNotExist() => new(VgroupNotExistCode, "Vgroup does not exist");
    public static TaosServerException CannotDropLeader() => new(CannotDropLeaderCode, "Cannot drop mnode which is leader");
    public static TaosServerException MnodeAlreadyExists() => new(MnodeAlreadyExistsCode, "Mnode already exists");
    public static TaosServerException MnodeNotThere() => new(MnodeNotThereCode, "Mnode not there");
    public static TaosServerException QnodeAlreadyExists() => new(QnodeAlreadyExistsCode, "Qnode already exists");
    public static TaosServerException QnodeNotThere() => new(QnodeNotThereCode, "Qnode not there");
    public static TaosServerException SnodeAlreadyExists() => new(SnodeAlreadyExistsCode, "Snode can only be created 1");
    public static TaosServerException SnodeNotThere() => new(SnodeNotThereCode, "Snode not there");
    public static TaosServerException TooFewMnodes() => new(TooFewMnodesCode, "The replica of mnode cannot less than 1");
    public static TaosServerException InvalidDnodeEndpoint() => new(InvalidDnodeEndpointCode, "Invalid dnode end point");
    public static TaosServerException VgroupUnchanged() => new(VgroupUnchangedCode, "Vgroup distribution has not changed");
    public static TaosServerException OfflineDnodeExists() => new(OfflineDnodeExistsCode, "Offline dnode exists");
    public static TaosServerException InvalidReplica() => new(InvalidReplicaCode, "Invalid vgroup replica");
    public static TaosServerException TransactionNotExist() => new(TransactionNotExistCode, "Transaction not exists");
    public static TaosServerException DnodeOffline() => new(DnodeOfflineCode, "Dnode is offline");
    public static TaosServerException InvalidCompactId() => new(InvalidCompactIdCode, "Invalid compact id");
    public static TaosServerException NameTooLong() => new(NameTooLongCode, "Name or password too long");
    public static TaosServerException InvalidPort() => new(InvalidPortCode, "Port should be an integer that is less than 65535 and greater than 0");
    public static TaosServerException InvalidRedistribute() => new(InvalidRedistributeCode, "The REDISTRIBUTE VGROUP statement only support 1 to 3 dnodes");

    /// <summary>What TDengine 3.3.0.1 answers to SHOW SCORES: TSDB_CODE_FAILED, whose text is the C library's for 65535.</summary>
    public static TaosServerException Failed() => new(FailedCode, "Unknown error 65535");
}
