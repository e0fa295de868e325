namespace Kiosk.Display.Pages.Staff;

public class ScanModel(IScanStore store, ICatalogStore catalog, Recommender recommender) : ScanPageModel(store, catalog, recommender);
