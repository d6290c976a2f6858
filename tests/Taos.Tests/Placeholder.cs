namespace Taos.Tests;
