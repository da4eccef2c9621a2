"""Time series forecasting, independent of any model: windows, scaling, baselines and error scores."""
