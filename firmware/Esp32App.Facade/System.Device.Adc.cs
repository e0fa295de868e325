// Mirrors nanoFramework.System.Device.Adc 1.1.24 (assembly System.Device.Adc): only the members the app uses.
// Read from nanoframework/System.Device.Adc: AdcController.cs, AdcControllerBase.cs, AdcChannel.cs, AdcChannelBase.cs.
using System;

namespace System.Device.Adc
{
    public abstract class AdcControllerBase
    {
        public abstract AdcChannel OpenChannel(int channelNumber);
    }

    public class AdcController : AdcControllerBase
    {
        public AdcController()
        {
            throw new NotImplementedException();
        }

        public override AdcChannel OpenChannel(int channelNumber)
        {
            throw new NotImplementedException();
        }
    }

    public abstract class AdcChannelBase
    {
        public abstract int ReadValue();
    }

    public class AdcChannel : AdcChannelBase, IDisposable
    {
        internal AdcChannel()
        {
        }

        public override int ReadValue()
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
