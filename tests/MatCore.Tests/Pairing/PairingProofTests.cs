using System.Security.Cryptography;
using Kiosk.Mat.Pairing;

namespace Kiosk.Mat.Tests.Pairing;

/// <summary>
/// The device's own SHA-256 and HMAC (it has no crypto library) against .NET's, and the pairing proof against its
/// description in docs/protocol.md, so a display written in any language can check what a mat sends.
/// </summary>
public class PairingProofTests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Sha256MatchesTheStandardsTestVectors(string message, string digestHex)
    {
        var sha = new Sha256();
        byte[] bytes = System.Text.Encoding.ASCII.GetBytes(message);
        sha.Update(bytes, 0, bytes.Length);
        var digest = new byte[Sha256.HashBytes];
        sha.Final(digest, 0);
        Assert.Equal(digestHex, Convert.ToHexString(digest).ToLowerInvariant());
    }

    [Fact]
    public void Sha256MatchesDotNetForAnyMessageFedInAnyPieces()
    {
        // Lengths around the 55/56/64-byte padding edges come up often with sizes up to 300. Sample runs on
        // several threads, so each case has its own hasher.
        Gen.Select(Gen.Byte.Array[0, 300], Gen.Int[1, 70]).Sample((message, piece) =>
        {
            var sha = new Sha256();
            var digest = new byte[Sha256.HashBytes];
            for (int offset = 0; offset < message.Length; offset += piece)
            {
                sha.Update(message, offset, Math.Min(piece, message.Length - offset));
            }
            sha.Final(digest, 0);
            return digest.AsSpan().SequenceEqual(SHA256.HashData(message));
        }, iter: 3000);
    }

    [Fact]
    public void HmacMatchesDotNetForShortAndLongKeys()
    {
        Gen.Select(Gen.Byte.Array[1, 150], Gen.Byte.Array[0, 200]).Sample((key, message) =>
        {
            var mac = new byte[HmacSha256.MacBytes];
            new HmacSha256(key, 0, key.Length).Compute(message, 0, message.Length, mac, 0);
            return mac.AsSpan().SequenceEqual(HMACSHA256.HashData(key, message));
        }, iter: 2000);
    }

    [Fact]
    public void ProofIsTheHmacOfLabelDeviceIdAndNonceAsTheProtocolDocumentSays()
    {
        byte[] key = Convert.FromHexString("9f86d081884c7d659a2feaa0c55ad015");
        byte[] nonce = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
        const long deviceId = 0x24_0A_C4_12_34_56;
        var proof = new byte[PairingProof.ProofBytes];

        new PairingProof(key).Compute(deviceId, nonce, 0, proof, 0);

        byte[] message = [.. "kiosk-mat-pair-1"u8, .. BitConverter.GetBytes(deviceId), .. nonce];
        Assert.Equal(HMACSHA256.HashData(key, message), proof);
    }

    [Fact]
    public void ProofMatchesTheExampleInTheProtocolDocument()
    {
        var key = new byte[PairingKey.KeyBytes];
        Assert.True(PairingKey.TryParse("9f86d081-884c7d65-9a2feaa0-c55ad015", key));
        var proof = new byte[PairingProof.ProofBytes];
        new PairingProof(key).Compute(0x240ac4123456, Convert.FromHexString("000102030405060708090a0b0c0d0e0f"), 0, proof, 0);
        Assert.Equal("1072a35b3538e8bf05714518d8e67177d46db39faa89d56f95f36c8b01994fa3", Convert.ToHexString(proof).ToLowerInvariant());
    }

    [Fact]
    public void ProofChangesWithEveryInput()
    {
        byte[] key = Convert.FromHexString("9f86d081884c7d659a2feaa0c55ad015");
        byte[] otherKey = Convert.FromHexString("9f86d081884c7d659a2feaa0c55ad014");
        byte[] nonce = new byte[PairingProof.NonceBytes];
        byte[] otherNonce = new byte[PairingProof.NonceBytes];
        otherNonce[15] = 1;

        string Proof(byte[] k, long id, byte[] n)
        {
            var proof = new byte[PairingProof.ProofBytes];
            new PairingProof(k).Compute(id, n, 0, proof, 0);
            return Convert.ToHexString(proof);
        }

        string[] proofs = [Proof(key, 1, nonce), Proof(otherKey, 1, nonce), Proof(key, 2, nonce), Proof(key, 1, otherNonce)];
        Assert.Equal(proofs.Length, proofs.Distinct().Count());
        Assert.Equal(proofs[0], Proof(key, 1, nonce));
    }

    [Theory]
    [InlineData("9f86d081-884c7d65-9a2feaa0-c55ad015")]
    [InlineData("9F86D081884C7D659A2FEAA0C55AD015")]
    [InlineData(" 9f86 d081 884c 7d65 9a2f eaa0 c55a d015 ")]
    public void KeyIsReadWithOrWithoutGroupingAndWrittenInGroupsOfEight(string text)
    {
        var key = new byte[PairingKey.KeyBytes];
        Assert.True(PairingKey.TryParse(text, key));
        Assert.Equal("9f86d081-884c7d65-9a2feaa0-c55ad015", PairingKey.Format(key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc123")]
    [InlineData("9f86d081-884c7d65-9a2feaa0-c55ad01")]
    [InlineData("9f86d081-884c7d65-9a2feaa0-c55ad0155")]
    [InlineData("9f86d081-884c7d65-9a2feaa0-c55ad01g")]
    [InlineData("9f86d081_884c7d65_9a2feaa0_c55ad015")]
    [InlineData(null)]
    public void AnythingButThirtyTwoHexDigitsIsNoKey(string? text)
    {
        Assert.False(PairingKey.TryParse(text!, new byte[PairingKey.KeyBytes]));
    }

    [Fact]
    public void ChallengeRoundTripsAndRefusesAnyOtherLength()
    {
        var challenge = new ChallengeMessage { HelloSequence = 0xDEADBEEF };
        RandomNumberGenerator.Fill(challenge.Nonce);
        var buffer = new byte[64];
        int length = challenge.EncodePayload(buffer, 0, buffer.Length);
        Assert.Equal(ChallengeMessage.PayloadBytes, length);

        var read = new ChallengeMessage();
        Assert.True(read.DecodePayload(buffer, 0, length));
        Assert.Equal(challenge.HelloSequence, read.HelloSequence);
        Assert.Equal(challenge.Nonce, read.Nonce);
        Assert.False(read.DecodePayload(buffer, 0, length - 1));
        Assert.False(read.DecodePayload(buffer, 0, length + 1));
    }
}
